package io.reformkg.query.indexed;

import io.reformkg.search.KeywordRanking;
import io.reformkg.search.MeasureIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a store answers a query from its indexes instead of running the SPARQL, as the header line
 * {@code # measure-index: …} (its {@link MeasureIndex}) or {@code # text-index: …} (its
 * {@link KeywordRanking}) says (queries/README.md). The SPARQL stays the definition: a runner over
 * a bare dataset runs it, and both give the same answer.
 */
public sealed interface IndexPlan {
    Pattern FROM_QUERY = Pattern.compile("([A-Za-z]+)\\s+from\\s+([a-z0-9]+(?:-[a-z0-9]+)*)");
    Pattern EQUALS = Pattern.compile("([A-Za-z]+)\\s*=\\s*(\\S+)");
    Pattern RANKED_BY = Pattern.compile("ranked\\s+by\\s+([A-Za-z][A-Za-z0-9]*)");
    /** The columns of a ranking, in the order a query that is answered by one selects them. */
    List<String> RANKED_COLUMNS = List.of("measure", "number", "title", "score");

    /**
     * A page of a paged query: the index selects the page's measures in list order, by the values
     * one field holds — the column of another named query ({@code scope from scopes-covering-place})
     * or one value ({@code guidingBodies = 1}) — and the SPARQL, restricted to those measures,
     * gives their rows. Each row of the values query is one row of the answer for each measure
     * holding its value, so a measure of two reorganised bodies counts two rows.
     */
    record Page(MeasureIndex.Field field, Optional<String> valuesQuery, Optional<String> value)
            implements IndexPlan {
    }

    /** A whole answer counted over the index by Java ({@link IndexedAggregate}). */
    record Aggregate(IndexedAggregate aggregate) implements IndexPlan {
    }

    /**
     * A page of the measures whose title or content holds the keyword that parameter
     * {@code keywordParameter} gives, ranked by the text index ({@link KeywordRanking}): the
     * columns {@link #RANKED_COLUMNS}.
     */
    record Ranking(String keywordParameter) implements IndexPlan {
    }

    /** The plan a {@code # text-index:} line describes; an {@link IllegalArgumentException} says what it expected. */
    static Ranking parseTextIndex(String line) {
        Matcher rankedBy = RANKED_BY.matcher(line.trim());
        if (!rankedBy.matches()) {
            throw new IllegalArgumentException("expected \"text-index: ranked by PARAMETER\"; found \"" + line + "\"");
        }
        return new Ranking(rankedBy.group(1));
    }

    /** The plan a {@code # measure-index:} line describes; an {@link IllegalArgumentException} says what it expected. */
    static IndexPlan parseMeasureIndex(String line) {
        Matcher fromQuery = FROM_QUERY.matcher(line);
        Matcher equals = EQUALS.matcher(line);
        if (fromQuery.matches()) {
            return new Page(field(fromQuery.group(1)), Optional.of(fromQuery.group(2)), Optional.empty());
        }
        if (equals.matches()) {
            return new Page(field(equals.group(1)), Optional.empty(), Optional.of(equals.group(2)));
        }
        return new Aggregate(IndexedAggregate.named(line.trim()).orElseThrow(() -> new IllegalArgumentException(
                "expected \"measure-index: FIELD from QUERY\", \"measure-index: FIELD = VALUE\" or one of the "
                        + "counts " + Arrays.stream(IndexedAggregate.values()).map(IndexedAggregate::label)
                        .collect(Collectors.joining(", ")) + "; found \"" + line + "\"")));
    }

    private static MeasureIndex.Field field(String name) {
        return MeasureIndex.Field.named(name).orElseThrow(() -> new IllegalArgumentException(
                "the measure index has no field " + name + "; its fields are "
                        + Arrays.stream(MeasureIndex.Field.values()).map(MeasureIndex.Field::fieldName)
                        .collect(Collectors.joining(", "))));
    }
}
