package io.reformkg.reference;

import java.util.List;

/** A comprehensive innovation reform pilot region and the division codes of its member areas. */
public record PilotRegion(String id, String zh, String en, List<String> members) {
    public PilotRegion {
        members = List.copyOf(members);
    }
}
