package io.reformkg.source;

import io.reformkg.error.UnreadableFileException;
import io.reformkg.reference.Division;
import io.reformkg.reference.PlaceIndex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the published list format: a title line, a five-cell table header, then section
 * headings ("一、科技金融创新方面（共7项）") each followed by measures of five cells — number,
 * title, content, guiding bodies separated by "、", and promotion scope (a known scope such as
 * "全国", or administrative divisions separated by "、"). Cells are lines,
 * usually tab-indented; blank lines (including ones holding only a no-break space) are
 * ignored. CRLF endings, a UTF-8 BOM and space indentation are accepted.
 *
 * <p>Any departure from the format throws {@link SourceException} naming the file, line and
 * what was expected; nothing is returned half-read. A file that cannot be read at all is an
 * {@link io.reformkg.error.UnreadableFileException}. Build one with {@link #create()}:
 * <pre>{@code
 * ListParser parser = ListParser.create()
 *         .knownBodies(reference.listedBodyNames())
 *         .knownScopes(List.of("全国", "8个改革试验区域"))
 *         .knownDivisions(reference.places())
 *         .build();
 * ParsedList list = parser.parse(Path.of("data/sources/list.txt"), entry);
 * }</pre>
 * {@link SourceSet} does this for every list a data folder's manifest names.
 */
public final class ListParser {
    private static final List<String> HEADER = List.of("序号", "改革举措", "主要内容", "指导部门", "推广范围");
    private static final String HEADER_TEXT = String.join(" | ", HEADER);
    private static final Pattern SECTION = Pattern.compile(
            "([一二三四五六七八九十]+)[、.．]\\s*(.+?)方面\\s*[（(]\\s*共\\s*(\\d+)\\s*项\\s*[）)]");
    /** Measure numbers and declared counts have at most this many digits, so they fit an int. */
    private static final int MAX_DIGITS = 7;
    private static final Pattern NUMBER = Pattern.compile("\\d{1," + MAX_DIGITS + "}");
    private static final String BODY_SEPARATOR = "、";
    private static final String SENTENCE_END = "。";
    private static final int MEASURE_CELLS = 4;
    private static final String CHINESE_DIGITS = "一二三四五六七八九";
    private static final String DIVISIONS_HINT = ", or divisions by name separated by \"、\" (合肥市、芜湖市)";

    private final Set<String> knownBodies;
    private final Set<String> knownScopes;
    private final Set<String> knownCategories;
    private final PlaceIndex divisions;

    private ListParser(Builder builder) {
        this.knownBodies = Set.copyOf(builder.bodies);
        this.knownScopes = Set.copyOf(builder.scopes);
        this.knownCategories = Set.copyOf(builder.categories);
        this.divisions = builder.divisions;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Configures which guiding bodies, scopes, divisions and categories a list may name. */
    public static final class Builder {
        private final Set<String> bodies = new LinkedHashSet<>();
        private final Set<String> scopes = new LinkedHashSet<>();
        private final Set<String> categories = new LinkedHashSet<>();
        private PlaceIndex divisions;

        private Builder() {
        }

        /** The names a list may use for guiding bodies (the reference data's list names). */
        public Builder knownBodies(Iterable<String> names) {
            names.forEach(bodies::add);
            return this;
        }

        /** The texts a list may use for promotion scopes ("全国", "8个改革试验区域"). */
        public Builder knownScopes(Iterable<String> texts) {
            texts.forEach(scopes::add);
            return this;
        }

        /**
         * The administrative divisions a scope may name instead of a known scope ("合肥市、芜湖市");
         * without them a list may only use the known scopes.
         */
        public Builder knownDivisions(PlaceIndex index) {
            divisions = index;
            return this;
        }

        /** The category names section headings may use ("科技金融创新"). */
        public Builder knownCategories(Iterable<String> names) {
            names.forEach(categories::add);
            return this;
        }

        public ListParser build() {
            if (bodies.isEmpty() || scopes.isEmpty() || categories.isEmpty()) {
                throw new IllegalStateException("ListParser needs known bodies, scopes and categories");
            }
            return new ListParser(this);
        }
    }

    /** Reads and parses one source file. */
    public ParsedList parse(Path file, SourceEntry entry) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFileException("the source file", file, e);
        }
        return parse(file, entry, bytes);
    }

    /** Parses the bytes of a source file; {@code file} names it in errors. */
    public ParsedList parse(Path file, SourceEntry entry, byte[] bytes) {
        List<Cell> cells = cells(file, decode(file, bytes));
        return new Reader(file, cells).read(entry, sha256(bytes));
    }

    private record Cell(String text, int line) {
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SourceException(file, 0, "the file is not valid UTF-8 text; expected a UTF-8 list");
        }
    }

    /** Splits text into non-blank, trimmed cells with their 1-based line numbers. */
    private static List<Cell> cells(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Cell> cells = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String cell = trim(lines[i]);
            if (cell.indexOf('\u0000') >= 0) {
                throw new SourceException(file, i + 1, "the line holds a NUL character; expected text");
            }
            if (!cell.isEmpty()) {
                cells.add(new Cell(cell, i + 1));
            }
        }
        return cells;
    }

    /** Trims every kind of white space, including no-break and ideographic spaces. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** The state of one parse: a cursor over the cells of one file. */
    private final class Reader {
        private final Path file;
        private final List<Cell> cells;
        private int next;

        Reader(Path file, List<Cell> cells) {
            this.file = file;
            this.cells = cells;
        }

        ParsedList read(SourceEntry entry, String sha256) {
            if (cells.isEmpty()) {
                throw new SourceException(file, 0, "the file is empty; expected a list title, the table header "
                        + HEADER_TEXT + " and sections of measures");
            }
            String title = cells.get(next++).text();
            readHeader();
            List<ParsedSection> sections = new ArrayList<>();
            Map<Integer, Integer> measureLines = new HashMap<>();
            int lastMeasure = 0;
            while (next < cells.size()) {
                Cell cell = cells.get(next);
                Matcher heading = SECTION.matcher(cell.text());
                if (!heading.matches()) {
                    if (NUMBER.matcher(cell.text()).matches()) {
                        throw error(cell, "measure " + cell.text() + " stands outside any category; expected a "
                                + "section heading such as \"一、科技金融创新方面（共7项）\" before it");
                    }
                    throw error(cell, "expected a section heading such as \"一、科技金融创新方面（共7项）\", found "
                            + quote(cell.text()));
                }
                next++;
                int number = chineseNumber(heading.group(1));
                if (number != sections.size() + 1) {
                    throw error(cell, "section " + heading.group(1) + " is out of order; expected section "
                            + (sections.size() + 1));
                }
                String category = heading.group(2).trim();
                if (!knownCategories.contains(category)) {
                    throw error(cell, "unknown category " + quote(category) + known("categories", knownCategories)
                            + nearest(category, knownCategories));
                }
                String declared = heading.group(3);
                if (declared.length() > MAX_DIGITS) {
                    throw error(cell, "section " + heading.group(1) + " declares " + declared
                            + " measures; expected a count below " + (int) Math.pow(10, MAX_DIGITS));
                }
                List<ParsedMeasure> measures = new ArrayList<>();
                while (next < cells.size() && !SECTION.matcher(cells.get(next).text()).matches()) {
                    ParsedMeasure measure = readMeasure(lastMeasure, measureLines);
                    measureLines.put(measure.number(), measure.line());
                    lastMeasure = measure.number();
                    measures.add(measure);
                }
                sections.add(new ParsedSection(number, cell.text(), category, Integer.parseInt(declared),
                        cell.line(), measures));
            }
            if (sections.isEmpty()) {
                throw new SourceException(file, 0, "no section heading found; expected headings such as "
                        + "\"一、科技金融创新方面（共7项）\" after the table header");
            }
            return new ParsedList(entry, title, sha256, sections);
        }

        private void readHeader() {
            for (String expected : HEADER) {
                if (next >= cells.size()) {
                    throw new SourceException(file, cells.get(cells.size() - 1).line(),
                            "the file ends inside the table header; expected " + HEADER_TEXT);
                }
                Cell cell = cells.get(next++);
                if (!cell.text().replaceAll("\\s+", "").equals(expected)) {
                    throw error(cell, "expected the table header cell " + quote(expected) + " (header: "
                            + HEADER_TEXT + "), found " + quote(cell.text()));
                }
            }
        }

        private ParsedMeasure readMeasure(int lastMeasure, Map<Integer, Integer> measureLines) {
            Cell numberCell = cells.get(next);
            if (!NUMBER.matcher(numberCell.text()).matches()) {
                throw error(numberCell, "expected a measure number or a section heading, found "
                        + quote(numberCell.text()));
            }
            int number = Integer.parseInt(numberCell.text());
            if (measureLines.containsKey(number)) {
                throw error(numberCell, "duplicate measure number " + number + " (first at line "
                        + measureLines.get(number) + "); expected " + (lastMeasure + 1));
            }
            if (number != lastMeasure + 1) {
                throw error(numberCell, "measure number " + number + " is out of order; expected "
                        + (lastMeasure + 1));
            }
            next++;
            List<Cell> fields = new ArrayList<>();
            while (next < cells.size() && !startsItem(cells.get(next).text())) {
                fields.add(cells.get(next++));
            }
            if (fields.size() < MEASURE_CELLS) {
                throw error(numberCell, "measure " + number + " is missing its " + missingField(fields)
                        + "; expected 4 cells after the number (title, content, guiding bodies, scope), found "
                        + fields.size());
            }
            if (fields.size() > MEASURE_CELLS) {
                throw error(fields.get(MEASURE_CELLS), "measure " + number + " has an unexpected fifth cell "
                        + quote(fields.get(MEASURE_CELLS).text())
                        + "; expected the next measure number or a section heading");
            }
            List<String> bodies = bodies(number, fields.get(2));
            return new ParsedMeasure(number, fields.get(0).text(), fields.get(1).text(), bodies,
                    scope(number, fields.get(3)), numberCell.line());
        }

        /** A known scope, or divisions named by any of their names and separated by "、". */
        private ParsedScope scope(int measure, Cell cell) {
            String text = cell.text();
            if (knownScopes.contains(text)) {
                return new ParsedScope(text, List.of());
            }
            String[] names = text.split(BODY_SEPARATOR, -1);
            if (divisions == null || names.length == 1 && divisions.named(trim(text)).isEmpty()) {
                throw error(cell, "measure " + measure + " has an unknown promotion scope " + quote(text)
                        + known("scopes", knownScopes) + (divisions == null ? "" : DIVISIONS_HINT)
                        + nearest(text, knownScopes));
            }
            Set<String> codes = new TreeSet<>();
            for (String raw : names) {
                String name = trim(raw);
                if (name.isEmpty()) {
                    throw error(cell, "measure " + measure + " has an empty division name in its promotion scope; "
                            + "expected names separated by a single \"、\"");
                }
                List<Division> named = divisions.named(name);
                if (named.isEmpty()) {
                    throw error(cell, "measure " + measure + "'s promotion scope names an unknown division "
                            + quote(name) + "; expected a province, city or county as the division tables name it "
                            + "(合肥市, 北京市东城区)" + nearest(name, divisions.names()));
                }
                if (named.size() > 1) {
                    throw error(cell, "measure " + measure + "'s promotion scope names " + quote(name)
                            + ", which is more than one division; write one of " + String.join(", ",
                            named.stream().map(d -> divisions.uniqueName(d) + " (" + d.code() + ")").toList()));
                }
                if (!codes.add(named.get(0).code())) {
                    throw error(cell, "measure " + measure + "'s promotion scope names the division "
                            + divisions.uniqueName(named.get(0)) + " twice");
                }
            }
            return new ParsedScope(text, List.copyOf(codes));
        }

        private boolean startsItem(String text) {
            return NUMBER.matcher(text).matches() || SECTION.matcher(text).matches();
        }

        /** Guesses which of the four cells is absent from the shape of those present. */
        private String missingField(List<Cell> fields) {
            if (fields.isEmpty()) {
                return "title, content, guiding bodies and scope";
            }
            String last = fields.get(fields.size() - 1).text();
            if (!looksLikeScope(last)) {
                return looksLikeBodies(last) ? "promotion scope" : "guiding bodies and promotion scope";
            }
            if (fields.size() < 2 || !looksLikeBodies(fields.get(fields.size() - 2).text())) {
                return "guiding bodies";
            }
            if (fields.size() == 2) {
                return "title and content";
            }
            // Contents are sentences ending in "。"; titles never are, so the one text cell left tells which is gone.
            return fields.get(0).text().endsWith(SENTENCE_END) ? "title" : "content";
        }

        private boolean looksLikeScope(String text) {
            return knownScopes.contains(text)
                    || divisions != null && eachName(text, name -> !divisions.named(name).isEmpty());
        }

        private boolean looksLikeBodies(String text) {
            return eachName(text, knownBodies::contains);
        }

        /** Whether every "、"-separated name of a cell is known. */
        private static boolean eachName(String text, Predicate<String> known) {
            return List.of(text.split(BODY_SEPARATOR)).stream().map(ListParser::trim).allMatch(known);
        }

        private List<String> bodies(int measure, Cell cell) {
            List<String> bodies = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String raw : cell.text().split(BODY_SEPARATOR, -1)) {
                String name = trim(raw);
                if (name.isEmpty()) {
                    throw error(cell, "measure " + measure + " has an empty guiding body name; expected names "
                            + "separated by a single \"、\"");
                }
                if (!knownBodies.contains(name)) {
                    throw error(cell, "measure " + measure + " names an unknown guiding body " + quote(name)
                            + known("bodies", knownBodies) + nearest(name, knownBodies));
                }
                if (!seen.add(name)) {
                    throw error(cell, "measure " + measure + " names the guiding body " + quote(name) + " twice");
                }
                bodies.add(name);
            }
            return bodies;
        }

        private SourceException error(Cell cell, String problem) {
            return new SourceException(file, cell.line(), problem);
        }
    }

    private static String quote(String text) {
        // cut by code points: a cut inside a surrogate pair would put half a character in the message
        String shown = text.codePointCount(0, text.length()) > 60
                ? text.substring(0, text.offsetByCodePoints(0, 60)) + "…" : text;
        return "\"" + shown + "\"";
    }

    private static String known(String what, Set<String> names) {
        return "; known " + what + ": " + String.join(", ", names.stream().sorted().toList());
    }

    private static String nearest(String name, Set<String> names) {
        return names.stream()
                .min(Comparator.comparingInt((String candidate) -> editDistance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .map(best -> "; did you mean " + quote(best) + "?")
                .orElse("");
    }

    /** Levenshtein distance over code points: enough to suggest the nearest known name. */
    static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    /** Reads 一 to 九十九 written in Chinese numerals. */
    static int chineseNumber(String numeral) {
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            return numeral.length() == 1 ? CHINESE_DIGITS.indexOf(numeral.charAt(0)) + 1 : -1;
        }
        int tens = ten == 0 ? 1 : CHINESE_DIGITS.indexOf(numeral.charAt(0)) + 1;
        int units = ten == numeral.length() - 1 ? 0 : CHINESE_DIGITS.indexOf(numeral.charAt(ten + 1)) + 1;
        return ten > 1 || numeral.length() - ten > 2 ? -1 : tens * 10 + units;
    }
}
