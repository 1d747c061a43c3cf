package io.reformkg.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * China's administrative divisions by every name a list or an analyst may write for them: the
 * name itself ("合肥市"), without its level suffix ("合肥") and qualified by its parent
 * ("安徽省合肥市", "北京市东城区"). A name may stand for several divisions ("朝阳区").
 */
public final class PlaceIndex {
    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> byName = new LinkedHashMap<>();

    PlaceIndex(List<Division> divisions) {
        divisions.forEach(division -> byCode.put(division.code(), division));
        for (Division division : divisions) {
            Set<String> names = allNames(division);
            if (division.parentCode() != null) {
                // 东莞市 (4419) has one county-level area, also 东莞市 (441900): the name means the city
                names.removeAll(allNames(byCode.get(division.parentCode())));
            }
            names.forEach(name -> byName.computeIfAbsent(name, key -> new ArrayList<>(1)).add(division));
        }
    }

    private Set<String> allNames(Division division) {
        Set<String> names = new LinkedHashSet<>();
        names.add(division.name());
        names.addAll(alternatives(division));
        return names;
    }

    /** The divisions a name stands for, in table order; empty when it names none. */
    public List<Division> named(String name) {
        return List.copyOf(byName.getOrDefault(name, List.of()));
    }

    /** Every name the index knows. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The division with this statistical code. */
    public Division division(String code) {
        Division division = byCode.get(code);
        if (division == null) {
            throw new IllegalArgumentException("no division has the code " + code);
        }
        return division;
    }

    /** The other names of a division (see the class comment), without its own name. */
    public Set<String> alternatives(Division division) {
        return PlaceNames.alternatives(division.name(), parentName(division));
    }

    /**
     * A name that stands for this division alone: provinces and prefecture cities by their own
     * name, counties (whose names repeat across the country) qualified by their parent.
     */
    public String uniqueName(Division division) {
        return division.level() == Division.Level.COUNTY ? parentName(division) + division.name() : division.name();
    }

    private String parentName(Division division) {
        return division.parentCode() == null ? null : byCode.get(division.parentCode()).name();
    }
}
