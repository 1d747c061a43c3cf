package io.reformkg.query;

import io.reformkg.query.indexed.IndexPlan;
import io.reformkg.query.indexed.IndexedPage;
import io.reformkg.search.KeywordRanking;
import io.reformkg.search.MeasureIndex;
import io.reformkg.store.GraphStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;

/**
 * Runs the catalog's named queries on a dataset: checks the parameters against the query's
 * header, resolves each value to the term it names, puts it in the parsed query — in the
 * query's own VALUES block of that variable ({@link ValuesDefaults}), or in place of the variable
 * — never by pasting text into the query, and runs the query
 * in a read transaction over the union of the dataset's graphs. A paged query's limit and offset
 * are set on the parsed query, after binding.
 */
public final class QueryRunner {
    /** The variable every query may use for the language of names; bound from {@link Language}. */
    static final String LANGUAGE_VARIABLE = "lang";

    private final QueryCatalog catalog;
    private final Dataset dataset;
    private final Optional<MeasureIndex> measureIndex;
    private final Optional<KeywordRanking> keywordRanking;
    private final Optional<Duration> timeout;

    private QueryRunner(QueryCatalog catalog, Dataset dataset, Optional<MeasureIndex> measureIndex,
                        Optional<KeywordRanking> keywordRanking, Optional<Duration> timeout) {
        this.catalog = Objects.requireNonNull(catalog);
        this.dataset = Objects.requireNonNull(dataset);
        this.measureIndex = measureIndex;
        this.keywordRanking = keywordRanking;
        this.timeout = timeout;
    }

    /**
     * A runner over a store: a query whose header names an index plan ({@code measure-index} or
     * {@code text-index}) is answered from the store's index. Queries run as long as they take (the CLI's).
     */
    public static QueryRunner over(GraphStore store, QueryCatalog catalog) {
        return new QueryRunner(catalog, store.dataset(), Optional.of(store.measureIndex()),
                Optional.of(store.keywordRanking()), Optional.empty());
    }

    /** A runner over a dataset alone, which answers every query with its SPARQL. */
    public static QueryRunner over(Dataset dataset, QueryCatalog catalog) {
        return new QueryRunner(catalog, dataset, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This runner, with each query cancelled once it has run for {@code limit}: {@link #run}
     * then throws ARQ's {@code QueryCancelledException}.
     */
    public QueryRunner timeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the query timeout must be positive; found " + limit);
        }
        return new QueryRunner(catalog, dataset, measureIndex, keywordRanking, Optional.of(limit));
    }

    public QueryCatalog catalog() {
        return catalog;
    }

    /**
     * The answer to query {@code name} with these parameter values (the others take their
     * defaults). Throws {@link UnknownQueryException} or {@link InvalidParameterException}, whose
     * messages list what exists.
     */
    public QueryResult run(String name, Map<String, String> arguments, Language language) {
        NamedQuery query = checked(name, arguments);
        Optional<Page> page = query.paging().map(paging -> paging.page(arguments));
        return Txn.calculateRead(dataset, () -> {
            Map<String, RDFNode> bound = new LinkedHashMap<>();
            Query parsed = bind(query, arguments, language, bound);
            // a runner over a bare dataset has no indexes, so it runs the SPARQL
            Optional<IndexPlan> plan = measureIndex.flatMap(index -> query.indexPlan());
            if (plan.isPresent() && plan.get() instanceof IndexPlan.Aggregate count) {
                return new QueryResult(name, query.columnNames(), count.aggregate().rows(measureIndex.orElseThrow(),
                        dataset.getUnionModel(), bound, language.code()), Optional.empty());
            }
            if (plan.isPresent() && plan.get() instanceof IndexPlan.Page indexed && page.isPresent()) {
                List<Map<String, Object>> rows = new IndexedPage(measureIndex.orElseThrow(), indexed.field(),
                        rowsPerValue(query, indexed, arguments, language))
                        .rows(page.get().offset(), page.get().limit() + 1, this::select, parsed);
                return new QueryResult(name, query.columnNames(), page.get().cut(rows),
                        Optional.of(page.get().servedFrom(rows)));
            }
            if (page.isPresent()) {
                // one row beyond the page says whether more follow, without counting the whole answer
                parsed.setLimit(page.get().limit() + 1L);
                parsed.setOffset(page.get().offset());
            }
            List<Map<String, Object>> rows = plan.isPresent() && plan.get() instanceof IndexPlan.Ranking ranking
                    ? ranked(bound.get(ranking.keywordParameter()).asLiteral().getString(), page.orElseThrow())
                    : select(parsed);
            Optional<Page> served = page.map(requested -> requested.servedFrom(rows));
            List<Map<String, Object>> cut = page.map(requested -> requested.cut(rows)).orElse(rows);
            List<Map<String, Object>> answer = query.computation()
                    .map(computation -> computation.completePage(cut, bound, dataset)).orElse(cut);
            return new QueryResult(name, query.columnNames(), answer, served);
        });
    }

    /**
     * Query {@code name} as a SPARQL client runs it with these parameter values (the others take
     * their defaults) and language: the file's header comments, then the query with the values
     * in its VALUES blocks and, for a paged query, the page as LIMIT and OFFSET. Throws as
     * {@link #run} does.
     */
    public String sparql(String name, Map<String, String> arguments, Language language) {
        NamedQuery query = checked(name, arguments);
        Optional<Page> page = query.paging().map(paging -> paging.page(arguments));
        Query bound = Txn.calculateRead(dataset, () -> bind(query, arguments, language, new LinkedHashMap<>()));
        page.ifPresent(requested -> {
            bound.setLimit(requested.limit());
            if (requested.offset() > 0) {
                bound.setOffset(requested.offset());
            }
        });
        String header = query.sparql().lines().takeWhile(line -> line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        return header + bound.serialize();
    }

    /** The query of that name, whose parameters these arguments all are. */
    private NamedQuery checked(String name, Map<String, String> arguments) {
        NamedQuery query = catalog.get(name);
        for (String argument : arguments.keySet()) {
            if (query.parameter(argument).isEmpty()) {
                throw new InvalidParameterException("query " + name + " has no parameter \"" + argument + "\"; "
                        + (query.accepted().isEmpty() ? "it takes none" : "its parameters are: "
                        + query.accepted().stream().map(QueryParameter::name).collect(Collectors.joining(", "))));
            }
        }
        return query;
    }

    /**
     * The query's SPARQL with its parameters bound (each value resolved to the term it names, kept
     * in {@code bound}) and the language of names; inside a read transaction.
     */
    private Query bind(NamedQuery query, Map<String, String> arguments, Language language, Map<String, RDFNode> bound) {
        ParameterResolver resolver = new ParameterResolver(dataset.getUnionModel());
        Map<Var, Node> inValues = new LinkedHashMap<>();
        Map<String, RDFNode> replaced = new LinkedHashMap<>();
        for (QueryParameter parameter : query.parameters()) {
            String value = arguments.getOrDefault(parameter.name(), parameter.defaultValue());
            if (value == null) {
                throw new InvalidParameterException("query " + query.name() + " needs parameter " + parameter.name()
                        + ": " + parameter.description());
            }
            RDFNode node = resolver.resolve(parameter, value);
            bound.put(parameter.name(), node);
            bindOne(query, inValues, replaced, parameter.name(), node);
        }
        bindOne(query, inValues, replaced, LANGUAGE_VARIABLE, ResourceFactory.createPlainLiteral(language.code()));
        // the values are put into the parsed query, not its text: ParameterizedSparqlString's check
        // for injection misreads a literal holding a backslash and refused such a keyword
        Query parsed = QueryTransformOps.queryReplaceVars(QueryFactory.create(query.sparql()), replaced);
        ValuesDefaults.bind(parsed, inValues);
        return parsed;
    }

    /** A value for the query's VALUES blocks of that variable, if it has any; else for the variable itself. */
    private static void bindOne(NamedQuery query, Map<Var, Node> inValues, Map<String, RDFNode> replaced,
                                String variable, RDFNode value) {
        if (query.valuesBound().contains(variable)) {
            inValues.put(Var.alloc(variable), value.asNode());
        } else {
            replaced.put(variable, value);
        }
    }

    /**
     * The values of an index-paged query's field, each with the rows a measure holding it gives:
     * the one value the header names, or the rows of the query it names, run with the same
     * parameters.
     */
    private Map<String, Integer> rowsPerValue(NamedQuery query, IndexPlan.Page plan,
                                              Map<String, String> arguments, Language language) {
        if (plan.value().isPresent()) {
            return Map.of(plan.value().get(), 1);
        }
        Map<String, String> shared = new LinkedHashMap<>(arguments);
        shared.keySet().retainAll(query.parameters().stream().map(QueryParameter::name).toList());
        Map<String, Integer> rows = new LinkedHashMap<>();
        run(plan.valuesQuery().orElseThrow(), shared, language).column(plan.field().fieldName())
                .forEach(value -> rows.merge(String.valueOf(value), 1, Integer::sum));
        return rows;
    }

    /** The page's measures and one more, ranked by the text index, as rows of {@link IndexPlan#RANKED_COLUMNS}. */
    private List<Map<String, Object>> ranked(String keyword, Page page) {
        return keywordRanking.orElseThrow().page(keyword, page.offset(), page.limit() + 1).stream()
                .map(measure -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    List<Object> values = List.of(measure.measure(), measure.number(), measure.title(),
                            (double) measure.score());
                    for (int column = 0; column < values.size(); column++) {
                        row.put(IndexPlan.RANKED_COLUMNS.get(column), values.get(column));
                    }
                    return row;
                }).toList();
    }

    private List<Map<String, Object>> select(Query query) {
        Dataset view = DatasetFactory.wrap(UnionDefaultGraph.of(dataset.asDatasetGraph()));
        List<Map<String, Object>> rows = new ArrayList<>();
        QueryExecutionDatasetBuilder builder = QueryExecution.dataset(view).query(query);
        timeout.ifPresent(limit -> builder.timeout(limit.toMillis(), TimeUnit.MILLISECONDS));
        try (QueryExecution execution = builder.build()) {
            List<String> variables = execution.getQuery().getResultVars();
            execution.execSelect().forEachRemaining(solution -> rows.add(row(variables, solution)));
        }
        return rows;
    }

    private static Map<String, Object> row(List<String> variables, QuerySolution solution) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String variable : variables) {
            row.put(variable, value(solution.get(variable)));
        }
        return row;
    }

    /** A term as a plain value: IRIs and text as strings, numbers as numbers, booleans as booleans. */
    static Object value(RDFNode node) {
        if (node == null) {
            return null;
        }
        if (node.isURIResource()) {
            return node.asResource().getURI();
        }
        if (node.isAnon()) {
            return "_:" + node.asResource().getId().getLabelString();
        }
        Literal literal = node.asLiteral();
        String lexical = literal.getLexicalForm();
        if (literal.getDatatype() instanceof XSDDatatype type && type.isValid(lexical)) {
            Object java = literal.getValue();
            if (java instanceof Boolean || java instanceof BigDecimal) {
                return java;
            }
            if (java instanceof Integer || java instanceof Long) {
                return ((Number) java).longValue();
            }
            if (java instanceof BigInteger big) {
                return new BigDecimal(big);
            }
            if (java instanceof Double || java instanceof Float) {
                return ((Number) java).doubleValue();
            }
        }
        return lexical;
    }
}
