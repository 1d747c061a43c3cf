package io.reformkg.query;

import io.reformkg.query.indexed.IndexPlan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.query.ParameterizedSparqlString;

/**
 * One query of the catalog, read from {@code queries/NAME.rq}: its header (title, question,
 * parameters, columns) and the SPARQL text, header included. {@code computation} names the
 * Java step that adds a column to each row of the SPARQL's page, for what SPARQL cannot give
 * alone (a keyword's snippet); it is empty for plain queries. {@code indexPlan} says how a
 * store answers it from its measure or text index instead of running this SPARQL ({@link IndexPlan}).
 * {@code valuesBound} are the variables whose values the SPARQL gives in VALUES blocks (a
 * parameter's default, the language of names): the runner replaces those rows
 * ({@link ValuesDefaults}); other parameters it binds with {@link ParameterizedSparqlString}.
 */
public record NamedQuery(String name, Bilingual title, Bilingual question, List<QueryParameter> parameters,
                         List<QueryColumn> columns, Optional<Computation> computation, Optional<Paging> paging,
                         Optional<IndexPlan> indexPlan, String sparql,
                         Set<String> valuesBound) {
    public NamedQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        valuesBound = Set.copyOf(valuesBound);
    }

    /** The parameters bound into the SPARQL, then {@code limit} and {@code offset} when the query pages. */
    public List<QueryParameter> accepted() {
        return Stream.concat(parameters.stream(), paging.stream().flatMap(page -> page.parameters().stream())).toList();
    }

    public Optional<QueryParameter> parameter(String parameterName) {
        return accepted().stream().filter(parameter -> parameter.name().equals(parameterName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(QueryColumn::name).toList();
    }
}
