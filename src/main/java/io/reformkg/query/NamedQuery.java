package io.reformkg.query;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One query of the catalog, read from {@code queries/NAME.rq}: its header (title, question,
 * parameters, columns) and the SPARQL text, header included. {@code computation} names the
 * Java step that turns the SPARQL's rows into the answer, for questions SPARQL cannot answer
 * alone (the shortest co-guidance chain); it is empty for plain queries.
 */
public record NamedQuery(String name, Bilingual title, Bilingual question, List<QueryParameter> parameters,
                         List<QueryColumn> columns, Optional<String> computation, Optional<Paging> paging,
                         String sparql) {
    public NamedQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
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
