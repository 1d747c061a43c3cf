package io.reformkg.query.indexed;

import io.reformkg.search.MeasureIndex.IndexedMeasure;
import io.reformkg.search.MeasureIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * A page of a query whose header says {@code # measure-index: FIELD …} ({@link IndexPlan.Page}):
 * the store's {@link MeasureIndex} picks the page's measures in list order, then the query's own
 * SPARQL, restricted to them ({@code VALUES ?measure}), gives their rows. Same rows as the SPARQL
 * over every measure, which joins and sorts every match before cutting the page (900,000 of a
 * million measures apply in 合肥); both give the same rows.
 */
public final class IndexedPage {
    /** The variable of the measures a page restricts the SPARQL to. */
    public static final Var MEASURE = Var.alloc("measure");

    private final MeasureIndex index;
    private final MeasureIndex.Filter filter;
    private final Map<String, Integer> rowsPerValue;

    /**
     * A page of the measures whose field holds one of the keys of {@code rowsPerValue}, each
     * measure giving as many rows as the values it holds give together.
     */
    public IndexedPage(MeasureIndex index, MeasureIndex.Field field, Map<String, Integer> rowsPerValue) {
        this.index = index;
        this.filter = new MeasureIndex.Filter(field, rowsPerValue.keySet());
        this.rowsPerValue = Map.copyOf(rowsPerValue);
    }

    /**
     * The rows from row {@code offset}, at most {@code count}: {@code select} runs the query
     * restricted to the measures it is given and returns their rows in the query's order.
     */
    public List<Map<String, Object>> rows(long offset, int count, Function<Query, List<Map<String, Object>>> select,
                                   Query query) {
        Slice slice = rowPerMeasure() ? Slice.ofMeasures(index.measures(filter, offset, count))
                : counted(offset, count);
        if (slice.measures().isEmpty()) {
            return List.of();
        }
        restrict(query, slice.measures());
        List<Map<String, Object>> rows = select.apply(query);
        if (rows.size() != slice.rows()) {
            throw new IllegalStateException("the measure index gives " + slice.rows() + " rows for "
                    + slice.measures().size() + " measures from " + slice.measures().get(0) + ", the store "
                    + rows.size() + ": the index and the store disagree; build the store again");
        }
        return rows.subList((int) slice.droppedRows(), (int) Math.min(rows.size(), slice.droppedRows() + count));
    }

    /** Whether every measure the filter selects gives exactly one row. */
    private boolean rowPerMeasure() {
        return filter.field() != MeasureIndex.Field.BODY && rowsPerValue.values().stream().allMatch(rows -> rows == 1);
    }

    /** The measures that hold the rows from {@code offset}, found by counting the rows of those before. */
    private Slice counted(long offset, int count) {
        long[] counted = new long[4]; // measures skipped, rows skipped, measures on the page, their rows
        index.scan(Optional.of(filter), measure -> {
            long rows = rows(measure);
            if (counted[2] == 0 && counted[1] + rows <= offset) {
                counted[0]++;
                counted[1] += rows;
                return true;
            }
            counted[2]++;
            counted[3] += rows;
            return counted[3] - (offset - counted[1]) < count;
        });
        return new Slice(index.measures(filter, counted[0], (int) counted[2]), offset - counted[1], counted[3]);
    }

    private long rows(IndexedMeasure measure) {
        return switch (filter.field()) {
            case SCOPE -> rowsPerValue.getOrDefault(measure.scope(), 0);
            case CATEGORY -> rowsPerValue.getOrDefault(measure.category(), 0);
            case BODY -> measure.bodies().stream().mapToLong(body -> rowsPerValue.getOrDefault(body, 0)).sum();
            case GUIDING_BODIES -> rowsPerValue.getOrDefault(String.valueOf(measure.bodies().size()), 0);
        };
    }

    /**
     * The measures of a page, which give {@code rows} rows, the first {@code droppedRows} of them
     * on the page before.
     */
    private record Slice(List<String> measures, long droppedRows, long rows) {
        static Slice ofMeasures(List<String> measures) {
            return new Slice(measures, 0, measures.size());
        }
    }

    /**
     * Restricts {@code query} to {@code measures}: a {@code VALUES ?measure} block first in its
     * pattern and in that of each sub-query that selects {@code ?measure} (a sub-query is
     * evaluated on its own, so a grouping by measure would otherwise run over every measure).
     */
    private static void restrict(Query query, List<String> measures) {
        ElementData values = new ElementData();
        values.add(MEASURE);
        measures.forEach(measure -> values.add(BindingFactory.binding(MEASURE, NodeFactory.createURI(measure))));
        restrict(query, values);
    }

    private static void restrict(Query query, ElementData values) {
        ElementGroup pattern = (ElementGroup) query.getQueryPattern();
        for (Element element : pattern.getElements()) {
            if (element instanceof ElementSubQuery sub && sub.getQuery().getProjectVars().contains(MEASURE)) {
                restrict(sub.getQuery(), values);
            }
        }
        pattern.getElements().add(0, values);
    }
}
