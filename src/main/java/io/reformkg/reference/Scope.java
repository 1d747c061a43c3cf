package io.reformkg.reference;

import java.util.List;

/** A promotion scope: the text a list writes for it and the ids of the regions it covers. */
public record Scope(String id, String text, String zh, String en, List<String> regions) {
    public Scope {
        regions = List.copyOf(regions);
    }
}
