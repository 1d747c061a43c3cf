package io.reformkg.source;

import java.util.List;

/**
 * A measure's promotion scope as the list writes it. Either a scope of the reference data
 * ("全国", "8个改革试验区域"), with no {@code divisionCodes}, or named administrative divisions
 * ("合肥市、芜湖市"): their statistical codes, ascending, so two lists naming the same divisions
 * in another order or by other names have the same scope.
 */
public record ParsedScope(String text, List<String> divisionCodes) {
    public ParsedScope {
        divisionCodes = List.copyOf(divisionCodes);
    }

    /** True when the list names divisions rather than a scope of the reference data. */
    public boolean namesDivisions() {
        return !divisionCodes.isEmpty();
    }
}
