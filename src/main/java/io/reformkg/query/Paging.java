package io.reformkg.query;

import java.util.List;
import java.util.Map;

/**
 * How a listing query pages, from its header line {@code # page: limit DEFAULT max MAX}: it takes
 * {@code limit} (rows per page, 1 to {@code maxLimit}, default {@code defaultLimit}) and
 * {@code offset} (rows to skip, default 0). The runner applies them to the parsed query
 * ({@code Query.setLimit/setOffset}), since SPARQL's LIMIT and OFFSET take no variables.
 */
public record Paging(int defaultLimit, int maxLimit) {
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";

    public Paging {
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("the default limit " + defaultLimit + " must lie between 1 and the "
                    + "maximum " + maxLimit);
        }
    }

    /** The two parameters as the catalog lists them (integers with defaults). */
    public List<QueryParameter> parameters() {
        return List.of(
                new QueryParameter(LIMIT, ParameterKind.INTEGER, String.valueOf(defaultLimit),
                        "每页行数，1 至 " + maxLimit + " / rows per page, 1 to " + maxLimit),
                new QueryParameter(OFFSET, ParameterKind.INTEGER, "0",
                        "跳过的行数（下一页：offset + limit）/ rows to skip (the next page: offset + limit)"));
    }

    /** The page the arguments ask for; {@link InvalidParameterException} for a limit or offset out of range. */
    Page page(Map<String, String> arguments) {
        String limitText = arguments.getOrDefault(LIMIT, String.valueOf(defaultLimit)).strip();
        String offsetText = arguments.getOrDefault(OFFSET, "0").strip();
        long limit = whole(limitText);
        if (limit < 1 || limit > maxLimit) {
            throw new InvalidParameterException("parameter limit takes a whole number from 1 to " + maxLimit
                    + " (rows per page), found \"" + limitText + "\"; page through longer answers with offset");
        }
        long offset = whole(offsetText);
        if (offset < 0) {
            throw new InvalidParameterException("parameter offset takes a whole number, 0 or more (rows to skip), "
                    + "found \"" + offsetText + "\"");
        }
        return new Page(offset, (int) limit, false);
    }

    /** The number, or -1 (out of range for both parameters) when the text is no whole number. */
    private static long whole(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
