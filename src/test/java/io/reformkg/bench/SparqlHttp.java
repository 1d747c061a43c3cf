package io.reformkg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** The bench drivers' SPARQL client: a SELECT to a server on this machine, its rows as tab-joined lexical forms. */
final class SparqlHttp {
    private final HttpClient http;

    SparqlHttp(HttpClient http) {
        this.http = http;
    }

    List<String> select(int port, String sparql) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(sparql)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new NotAnswered(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            List<String> values = new ArrayList<>();
            for (String variable : results.getResultVars()) {
                RDFNode value = solution.get(variable);
                values.add(value == null ? "" : value.isLiteral() ? value.asLiteral().getLexicalForm() : value.toString());
            }
            rows.add(String.join("\t", values));
        }
        return rows;
    }

    /** The server answered with an error status (e.g. not ready yet). */
    static final class NotAnswered extends RuntimeException {
        NotAnswered(String message) {
            super(message, null, false, false);
        }
    }
}
