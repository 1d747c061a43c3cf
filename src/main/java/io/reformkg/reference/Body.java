package io.reformkg.reference;

import java.time.LocalDate;

/**
 * A guiding body. {@code id} is its abbreviation (used in IRIs), {@code shortName} the name
 * the lists write, {@code successor} the id of the body that took over its functions when it
 * was dissolved. {@code listed} is false for bodies known only as successors or as the
 * organisation others are part of. {@code partOf} is the id of the organisation the body is part
 * of (org:subOrganizationOf): 国务院 for the State Council's bodies; none for 最高人民法院.
 */
public record Body(String id, String shortName, String officialName, String englishName, String kind,
                   LocalDate dissolved, String successor, LocalDate established, Boolean listed, String partOf) {
    public boolean isListed() {
        return listed == null || listed;
    }
}
