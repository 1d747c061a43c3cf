package io.reformkg.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.web.HttpSC;

/**
 * SPARQL query over HTTP, with every SELECT result computed in full before the first byte is
 * sent. Fuseki streams SELECT results, so a timeout striking mid-stream would leave a truncated
 * 200; here the timeout (and the row cap) strike before the response starts, and the client
 * gets an error status instead. CONSTRUCT and DESCRIBE results are already built in full by
 * Fuseki.
 */
final class BoundedQueryService extends SPARQL_QueryDataset {
    private final int maxRows;

    BoundedQueryService(int maxRows) {
        this.maxRows = maxRows;
    }

    /** A GET without a query asks for the SPARQL service description. */
    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestQueryString() == null) {
            ServiceDescription.send(action, action.getDataService().getDataset());
            return;
        }
        super.execGet(action);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec execution, Query requestQuery,
                                           String queryStringLog) {
        if (!requestQuery.isSelectType()) {
            return super.executeQuery(action, execution, requestQuery, queryStringLog);
        }
        RowSet results = execution.select();
        List<Binding> rows = new ArrayList<>();
        while (results.hasNext()) {
            if (rows.size() == maxRows) {
                ServletOps.error(HttpSC.BAD_REQUEST_400, "the result has more than " + maxRows
                        + " rows, the server's limit; add LIMIT and OFFSET to page through it");
            }
            rows.add(results.next());
        }
        return new QueryExecResult(RowSetStream.create(results.getResultVars(), rows.iterator()));
    }
}
