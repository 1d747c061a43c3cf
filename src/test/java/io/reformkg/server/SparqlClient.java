package io.reformkg.server;

import io.reformkg.testing.Http;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;

/** A small HTTP client for the tests: SPARQL requests and the competency queries in test resources. */
final class SparqlClient {
    static final String JSON = "application/sparql-results+json";
    static final String XML = "application/sparql-results+xml";
    static final String CSV = "text/csv";
    static final String TSV = "text/tab-separated-values";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String root;

    SparqlClient(String root) {
        this.root = root;
    }

    /** A query from src/test/resources/server/, e.g. {@code cq/cq2-measures-per-body.rq}. */
    static String query(String resource) {
        try (InputStream in = SparqlClient.class.getResourceAsStream("/server/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test query " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<byte[]> post(String path, String contentType, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    HttpResponse<byte[]> put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<byte[]> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** GET {@code /kg/sparql?query=…} with an Accept header. */
    HttpResponse<byte[]> select(String sparql, String accept) {
        return get("/kg/sparql?query=" + encode(sparql), "Accept", accept);
    }

    /** Runs a SELECT and reads the answer with Jena's result-set parser; fails on any status but 200. */
    List<Map<String, String>> rows(String sparql, String accept) {
        HttpResponse<byte[]> response = select(sparql, accept);
        return parse(response, accept);
    }

    static List<Map<String, String>> parse(HttpResponse<byte[]> response, String accept) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + text(response));
        }
        Lang lang = switch (accept) {
            case JSON -> ResultSetLang.RS_JSON;
            case XML -> ResultSetLang.RS_XML;
            case CSV -> ResultSetLang.RS_CSV;
            case TSV -> ResultSetLang.RS_TSV;
            default -> throw new IllegalArgumentException(accept);
        };
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), lang);
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (String name : results.getResultVars()) {
                RDFNode value = solution.get(name);
                if (value != null) {
                    row.put(name, value.isLiteral() ? value.asLiteral().getLexicalForm() : value.toString());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(HttpResponse<byte[]> response) {
        return Http.text(response);
    }

    private URI uri(String path) {
        return URI.create(root + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String... headers) {
        return Http.send(http, request, headers);
    }
}
