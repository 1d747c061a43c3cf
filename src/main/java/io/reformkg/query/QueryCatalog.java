package io.reformkg.query;

import io.reformkg.query.indexed.IndexPlan;
import io.reformkg.query.indexed.IndexedAggregate;
import io.reformkg.query.indexed.IndexedPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.PatternVars;

/**
 * The entry point of the query library: the analyst's named queries in {@code queries/*.rq}, read
 * from the classpath (pom.xml copies the folder into the jar), and the explorer's own in
 * {@code explorer/queries/*.rq}, which run by name but are not listed. A file belongs to the
 * catalog when its header starts with {@code # title.zh:}; files without that header (queries
 * other features run internally) are left out. The header format is described in
 * queries/README.md; a malformed header fails the load with the file and line. An analyst's query
 * runs as written in any SPARQL client: every parameter, and the language of names when it uses
 * one, has its default in a VALUES block of the query ({@link ValuesDefaults}).
 * <pre>{@code
 * QueryCatalog catalog = QueryCatalog.load();
 * QueryResult pairs = QueryRunner.over(store, catalog)
 *         .run("cq1-co-guidance-pairs", Map.of("category", "ip-protection"), Language.ZH);
 * }</pre>
 * Where a query's header names an index plan, a store answers it from its indexes
 * ({@link io.reformkg.query.indexed}); the SPARQL stays the definition.
 */
public final class QueryCatalog {
    static final String FOLDER = "queries";
    /** The explorer's queries, on the classpath beside its page. */
    static final String INTERNAL_FOLDER = "explorer/queries";
    private static final String CATALOG_MARK = "title.zh:";
    /** Names the runner and the HTTP API give their own meaning: language, format, and a page's limit and offset. */
    private static final List<String> RESERVED = List.of(QueryRunner.LANGUAGE_VARIABLE, "format", Paging.LIMIT,
            Paging.OFFSET);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PARAM = Pattern.compile(
            "param:\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\(([a-z]+)(?:\\s+([A-Za-z0-9*-]+(?:\\|[A-Za-z0-9*-]+)+))?"
                    + "(?:,\\s*default\\s+([^)]+))?\\)\\s*(.+)");
    private static final Pattern COLUMN = Pattern.compile("column:\\s*([A-Za-z][A-Za-z0-9]*)\\s+—\\s+(.+)");
    private static final Pattern PAGE = Pattern.compile("page:\\s*limit\\s+(\\d{1,6})\\s+max\\s+(\\d{1,6})");
    private static final Pattern FIELD = Pattern.compile("(title\\.zh|title\\.en|question\\.zh|question\\.en|computed|measure-index|text-index):\\s*(.+)");

    private final Map<String, NamedQuery> queries;
    private final Map<String, NamedQuery> internal;

    private QueryCatalog(Map<String, NamedQuery> queries, Map<String, NamedQuery> internal) {
        this.queries = queries;
        this.internal = internal;
    }

    /** The catalog shipped with the program ({@code queries/} on the classpath). */
    public static QueryCatalog load() {
        try {
            return loadFromClasspathRoot(
                    Path.of(QueryCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the program's classes to read " + FOLDER + "/", e);
        }
    }

    /** The catalog in {@code queries/} and {@code explorer/queries/} of a classpath root: a folder of classes, or a jar. */
    static QueryCatalog loadFromClasspathRoot(Path root) {
        if (Files.isDirectory(root)) {
            return of(read(root.resolve(FOLDER)), read(root.resolve(INTERNAL_FOLDER)));
        }
        // JarFile shares the central directory the class loader has already read; a zip file
        // system would read all of the jar's entries again (~0.1 s at start-up)
        try (JarFile jar = new JarFile(root.toFile())) {
            Map<String, String> files = read(jar, FOLDER);
            if (files.isEmpty()) {
                throw new IllegalStateException("the jar " + root + " holds no " + FOLDER + "/*.rq; rebuild with mvn package");
            }
            return of(files, read(jar, INTERNAL_FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + "/ in the program's jar " + root, e);
        }
    }

    private static Map<String, String> read(JarFile jar, String folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (JarEntry entry : jar.stream().filter(entry -> isQueryFile(entry.getName(), folder + "/")).toList()) {
            try (InputStream in = jar.getInputStream(entry)) {
                files.put(entry.getName().substring(folder.length() + 1),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The catalog of the {@code .rq} files in a folder, all of them the analyst's. */
    public static QueryCatalog load(Path folder) {
        return of(read(folder), Map.of());
    }

    private static Map<String, String> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the query folder " + folder.toUri() + " does not exist; rebuild with mvn package");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path file : paths.filter(path -> isQueryFile(path.getFileName().toString(), "")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queries in " + folder.toUri(), e);
        }
        return files;
    }

    private static boolean isQueryFile(String path, String folder) {
        return path.startsWith(folder) && path.endsWith(".rq") && path.indexOf('/', folder.length()) < 0;
    }

    /** The catalog of {@code .rq} files' texts by file name: the analyst's, and the explorer's own. */
    private static QueryCatalog of(Map<String, String> textsByFileName, Map<String, String> internalTextsByFileName) {
        Map<String, NamedQuery> queries = parseAll(textsByFileName, false);
        Map<String, NamedQuery> internal = parseAll(internalTextsByFileName, true);
        for (String name : internal.keySet()) {
            if (queries.containsKey(name)) {
                throw new IllegalStateException(INTERNAL_FOLDER + "/" + name + ".rq: " + FOLDER + "/ has a query of "
                        + "that name; give it another");
            }
        }
        Map<String, NamedQuery> all = new TreeMap<>(queries);
        all.putAll(internal);
        all.values().forEach(query -> query.indexPlan().ifPresent(plan -> {
            if (plan instanceof IndexPlan.Page page) {
                page.valuesQuery().ifPresent(values -> checkValuesQuery(query, page, all.get(values)));
            }
        }));
        return new QueryCatalog(queries, internal);
    }

    private static Map<String, NamedQuery> parseAll(Map<String, String> textsByFileName, boolean internal) {
        Map<String, NamedQuery> queries = new TreeMap<>();
        textsByFileName.forEach((fileName, text) -> parse(fileName.substring(0, fileName.length() - ".rq".length()),
                text, internal).ifPresent(query -> queries.put(query.name(), query)));
        return queries;
    }

    /**
     * The query that gives an index-paged query the values of its field: it exists, takes the
     * same parameters and answers a column named as the field (others may name what it holds), in
     * one piece.
     */
    private static void checkValuesQuery(NamedQuery indexed, IndexPlan.Page page, NamedQuery values) {
        String file = FOLDER + "/" + indexed.name() + ".rq: ";
        String field = page.field().fieldName();
        if (values == null) {
            throw new IllegalStateException(file + "the measure index reads the values of " + field + " from query "
                    + page.valuesQuery().orElseThrow() + ", which does not exist");
        }
        if (!values.columnNames().contains(field) || values.paging().isPresent()
                || !values.parameters().stream().map(QueryParameter::name).toList()
                .equals(indexed.parameters().stream().map(QueryParameter::name).toList())) {
            throw new IllegalStateException(file + "the measure index reads the values of " + field + " from query "
                    + values.name() + ", which must take the same parameters, answer a column " + field
                    + " and not page");
        }
    }

    /** The analyst's queries: those listed, in {@code queries/}. */
    public Collection<NamedQuery> queries() {
        return queries.values();
    }

    /** The explorer's own queries, which run by name but are not listed. */
    public Collection<NamedQuery> internalQueries() {
        return internal.values();
    }

    public List<String> names() {
        return List.copyOf(queries.keySet());
    }

    /** The query of that name, or an {@link UnknownQueryException} listing the names that exist. */
    public NamedQuery get(String name) {
        NamedQuery query = queries.getOrDefault(name, internal.get(name));
        if (query == null) {
            throw new UnknownQueryException("no query named \"" + name + "\"; the queries are: "
                    + String.join(", ", queries.keySet()));
        }
        return query;
    }

    /**
     * Reads one file: empty when it carries no catalog header, the query when its header is
     * complete, an {@link IllegalStateException} naming {@code queries/NAME.rq:LINE} otherwise.
     */
    static Optional<NamedQuery> parse(String name, String text) {
        return parse(name, text, false);
    }

    /**
     * Reads one file of {@code queries/}, or of {@code explorer/queries/} when {@code internal}: an
     * internal query need not give its parameters' defaults in the SPARQL.
     */
    static Optional<NamedQuery> parse(String name, String text, boolean internal) {
        List<String> lines = text.lines().toList();
        List<String> header = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                break;
            }
            header.add(line.substring(1).trim());
        }
        if (header.isEmpty() || !header.get(0).startsWith(CATALOG_MARK)) {
            return Optional.empty();
        }
        String file = (internal ? INTERNAL_FOLDER : FOLDER) + "/" + name + ".rq";
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(file + ": a query name is lower-case words joined by hyphens");
        }
        Map<String, String> fields = new TreeMap<>();
        List<QueryParameter> parameters = new ArrayList<>();
        List<QueryColumn> columns = new ArrayList<>();
        Optional<Paging> paging = Optional.empty();
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i);
            String where = file + ":" + (i + 1) + ": ";
            Matcher field = FIELD.matcher(line);
            Matcher param = PARAM.matcher(line);
            Matcher column = COLUMN.matcher(line);
            if (field.matches()) {
                if (fields.put(field.group(1), field.group(2).trim()) != null) {
                    throw new IllegalStateException(where + field.group(1) + " is given twice");
                }
            } else if (line.startsWith("param:")) {
                if (!param.matches()) {
                    throw new IllegalStateException(where + "expected \"param: NAME (KIND[ A|B|…][, default VALUE]) "
                            + "中文 / English\", found \"" + line + "\"");
                }
                ParameterKind kind;
                try {
                    kind = ParameterKind.parse(param.group(2));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + e.getMessage(), e);
                }
                List<String> choices = param.group(3) == null ? List.of() : List.of(param.group(3).split("\\|"));
                if ((kind == ParameterKind.CHOICE) == choices.isEmpty()) {
                    throw new IllegalStateException(where + "expected the values after the kind for a choice, "
                            + "(choice A|B|…), and only for a choice; found \"" + line + "\"");
                }
                String defaultValue = param.group(4) == null ? null : param.group(4).trim();
                if (defaultValue != null && !choices.isEmpty() && !choices.contains(defaultValue)) {
                    throw new IllegalStateException(where + "the default " + defaultValue + " is not one of "
                            + String.join(", ", choices));
                }
                parameters.add(new QueryParameter(param.group(1), kind, defaultValue, param.group(5).trim(), choices));
            } else if (line.startsWith("column:")) {
                if (!column.matches()) {
                    throw new IllegalStateException(where + "expected \"column: NAME — 中文 / English\", found \""
                            + line + "\"");
                }
                columns.add(new QueryColumn(column.group(1), column.group(2).trim()));
            } else if (line.startsWith("page:")) {
                paging = Optional.of(paging(where, line, paging.isPresent()));
            }
        }
        for (String required : List.of("title.zh", "title.en", "question.zh", "question.en")) {
            if (!fields.containsKey(required)) {
                throw new IllegalStateException(file + ": the header lacks \"# " + required + ": ...\"");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException(file + ": the header declares no \"# column: NAME — ...\"");
        }
        Optional<Computation> computation = computation(file, fields.get("computed"), parameters);
        List<QueryColumn> selected = computation.map(Computation::addedColumn)
                .map(added -> columnsBeside(file, columns, added)).orElse(columns);
        Query query = checkSparql(file, text, selected, parameters);
        Set<String> valuesBound = valuesBound(file, query, parameters, internal);
        if (paging.isPresent()) {
            checkPaged(file, query);
        }
        boolean paged = paging.isPresent();
        if (fields.containsKey("measure-index") && fields.containsKey("text-index")) {
            throw new IllegalStateException(file + ": a query is answered from one index; give \"measure-index\" "
                    + "or \"text-index\", not both");
        }
        Optional<IndexPlan> indexPlan = Optional.ofNullable(fields.get("measure-index"))
                .map(line -> indexPlan(file, line, query, parameters, columns, paged, computation.isPresent()))
                .or(() -> Optional.ofNullable(fields.get("text-index"))
                        .map(line -> rankingPlan(file, line, selected, parameters, paged, computation)));
        return Optional.of(new NamedQuery(name, new Bilingual(fields.get("title.zh"), fields.get("title.en")),
                new Bilingual(fields.get("question.zh"), fields.get("question.en")), parameters, columns,
                computation, paging, indexPlan, text, valuesBound));
    }

    /**
     * The parameters (and {@code ?lang}) the SPARQL gives in VALUES blocks of their own, one value
     * each: the runner replaces that value. An analyst's query must so give every parameter and the
     * language of names that its SPARQL uses, so that it runs as written.
     */
    private static Set<String> valuesBound(String file, Query query, List<QueryParameter> parameters,
                                           boolean internal) {
        Map<Var, List<ElementData>> blocks = ValuesDefaults.blocks(query);
        List<String> bindable = new ArrayList<>(parameters.stream().map(QueryParameter::name).toList());
        bindable.add(QueryRunner.LANGUAGE_VARIABLE);
        Set<String> bound = new TreeSet<>();
        for (String name : bindable) {
            List<ElementData> own = blocks.getOrDefault(Var.alloc(name), List.of());
            for (ElementData block : own) {
                if (block.getVars().size() != 1 || block.getRows().size() != 1) {
                    throw new IllegalStateException(file + ": the VALUES block of ?" + name + " must give that "
                            + "variable alone one value, its default: VALUES ?" + name + " { ... }");
                }
            }
            if (!own.isEmpty()) {
                bound.add(name);
            } else if (!internal && mentions(query, name)) {
                throw new IllegalStateException(file + ": ?" + name + " has no default in the query; give it as "
                        + "VALUES ?" + name + " { ... } where it is used, so the query runs as written");
            }
        }
        return bound;
    }

    private static boolean mentions(Query query, String variable) {
        return Pattern.compile("[?$]" + variable + "\\b").matcher(query.serialize()).find();
    }

    /**
     * The {@code # measure-index:} plan, which must fit the query: a page plan pages, computes
     * nothing in Java and its SPARQL binds {@code ?measure} in its pattern (the rows of the page's
     * measures); a count takes the query's parameters and gives its columns, whole, with no Java
     * step of its own.
     */
    private static IndexPlan indexPlan(String file, String line, Query query, List<QueryParameter> parameters,
                                              List<QueryColumn> columns, boolean paged, boolean computed) {
        IndexPlan plan;
        try {
            plan = IndexPlan.parseMeasureIndex(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        if (plan instanceof IndexPlan.Aggregate count) {
            IndexedAggregate aggregate = count.aggregate();
            if (paged || computed || !columns.stream().map(QueryColumn::name).toList().equals(aggregate.columns())
                    || !parameters.stream().map(QueryParameter::name).toList().equals(aggregate.parameters())) {
                throw new IllegalStateException(file + ": the measure index's count " + aggregate.label()
                        + " answers whole, without a computed step, with the columns "
                        + String.join(", ", aggregate.columns()) + (aggregate.parameters().isEmpty()
                        ? " and no parameters" : " and the parameters " + String.join(", ", aggregate.parameters())));
            }
        } else if (!paged || computed || !PatternVars.vars(query.getQueryPattern()).contains(IndexedPage.MEASURE)) {
            throw new IllegalStateException(file + ": a query paged by the measure index pages, has no computed step, "
                    + "and its SPARQL binds ?" + IndexedPage.MEASURE.getVarName() + ", the measures of each page");
        }
        return plan;
    }

    /**
     * The {@code # text-index:} plan, which must fit the query: it pages, selects the ranking's
     * columns (a computed step may add one to each row of the page) and its keyword is a text
     * parameter of the query.
     */
    private static IndexPlan rankingPlan(String file, String line, List<QueryColumn> selected,
                                         List<QueryParameter> parameters, boolean paged,
                                         Optional<Computation> computation) {
        IndexPlan.Ranking plan;
        try {
            plan = IndexPlan.parseTextIndex(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        boolean keywordIsText = parameters.stream().anyMatch(parameter ->
                parameter.name().equals(plan.keywordParameter()) && parameter.kind() == ParameterKind.TEXT);
        if (!paged || !keywordIsText
                || !selected.stream().map(QueryColumn::name).toList().equals(IndexPlan.RANKED_COLUMNS)) {
            throw new IllegalStateException(file + ": a query ranked by the text index pages, takes the keyword as "
                    + "the text parameter " + plan.keywordParameter() + " and selects the columns "
                    + String.join(", ", IndexPlan.RANKED_COLUMNS) + " (a computed step may add one)");
        }
        return plan;
    }

    /** The step a {@code # computed:} line names, whose parameters the header must declare. */
    private static Optional<Computation> computation(String file, String label, List<QueryParameter> parameters) {
        if (label == null) {
            return Optional.empty();
        }
        Computation computation;
        try {
            computation = Computation.named(label);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalStateException(file + ": " + unknown.getMessage(), unknown);
        }
        for (String needed : computation.parameters()) {
            if (parameters.stream().noneMatch(parameter -> parameter.name().equals(needed))) {
                throw new IllegalStateException(file + ": the computation " + computation.label() + " reads the "
                        + "parameter " + needed + ", which the header lacks");
            }
        }
        return Optional.of(computation);
    }

    /** The columns the SPARQL selects when a computation adds {@code added}, the last declared column. */
    private static List<QueryColumn> columnsBeside(String file, List<QueryColumn> columns, String added) {
        if (!columns.get(columns.size() - 1).name().equals(added)) {
            throw new IllegalStateException(file + ": the computation adds the column " + added
                    + "; declare it as the last column");
        }
        return columns.subList(0, columns.size() - 1);
    }

    private static Paging paging(String where, String line, boolean seen) {
        if (seen) {
            throw new IllegalStateException(where + "page is given twice");
        }
        Matcher page = PAGE.matcher(line);
        if (!page.matches()) {
            throw new IllegalStateException(where + "expected \"page: limit DEFAULT max MAX\", found \"" + line + "\"");
        }
        try {
            return new Paging(Integer.parseInt(page.group(1)), Integer.parseInt(page.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }

    /**
     * A page is a slice of an ordered answer: without ORDER BY, pages could overlap or skip rows.
     * (That the order is total, ending on the measure IRI or another key, is the file's to ensure.)
     * The runner sets LIMIT and OFFSET, so the SPARQL must not.
     */
    private static void checkPaged(String file, Query query) {
        if (!query.hasOrderBy()) {
            throw new IllegalStateException(file + ": a paged query needs an ORDER BY that orders its rows totally");
        }
        if (query.hasLimit() || query.hasOffset()) {
            throw new IllegalStateException(file + ": a paged query takes its LIMIT and OFFSET from the limit and "
                    + "offset parameters; remove them from the SPARQL");
        }
    }

    /**
     * The SPARQL must parse and select exactly the columns its header declares (those a computed
     * step adds aside), none of them a parameter that names the same variable.
     */
    private static Query checkSparql(String file, String text, List<QueryColumn> columns,
                                     List<QueryParameter> parameters) {
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalStateException(file + ": the SPARQL does not parse: " + e.getMessage(), e);
        }
        List<String> selected = query.getProjectVars().stream().map(Var::getVarName).toList();
        List<String> declared = columns.stream().map(QueryColumn::name).toList();
        if (!selected.equals(declared)) {
            throw new IllegalStateException(file + ": the header declares the columns "
                    + declared.stream().collect(Collectors.joining(", ")) + " but the query selects "
                    + String.join(", ", selected));
        }
        for (QueryParameter parameter : parameters) {
            // a parameter bound in a sub-query's VALUES block may name a column of the answer, which
            // is another variable; any other binding would replace the column too
            if (declared.contains(parameter.name()) && (ValuesDefaults.blocks(query).get(Var.alloc(parameter.name())) == null
                    || ValuesDefaults.answerSees(query, Var.alloc(parameter.name())))) {
                throw new IllegalStateException(file + ": parameter " + parameter.name() + " is also a column; give "
                        + "the column another name");
            }
            if (RESERVED.contains(parameter.name())) {
                throw new IllegalStateException(file + ": " + parameter.name() + " cannot be a parameter: the HTTP "
                        + "API and the runner use the names " + String.join(", ", RESERVED));
            }
        }
        return query;
    }
}
