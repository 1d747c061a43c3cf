package io.reformkg.reference;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Other names analysts use for a division: the name without its level suffix ("合肥" for
 * "合肥市") and the name qualified by its parent ("北京市东城区", "安徽省合肥市").
 */
final class PlaceNames {
    private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "地区", "省", "市", "盟");

    private PlaceNames() {
    }

    static Set<String> alternatives(String name, String parentName) {
        Set<String> names = new LinkedHashSet<>();
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                names.add(name.substring(0, name.length() - suffix.length()));
                break;
            }
        }
        if (parentName != null) {
            names.add(parentName + name);
        }
        names.remove(name);
        return names;
    }
}
