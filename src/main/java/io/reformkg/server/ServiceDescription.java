package io.reformkg.server;

import io.reformkg.vocab.SD;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * What {@code GET} on the endpoint without a query answers. A browser (HTML or anything, {@code *}/{@code *})
 * gets a short page saying what the endpoint is and where to write a query; a client asking for
 * RDF gets the SPARQL 1.1 Service Description: query language, result formats, the union default
 * graph and the named graphs (Turtle when no {@code Accept} is sent).
 */
final class ServiceDescription {
    private static final List<Lang> LANGS = List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);
    private static final String HTML = "text/html";
    /** What a GET may be answered in: the page first, so that a browser's {@code *}/{@code *} gets it. */
    private static final AcceptList OFFERS = new AcceptList(Stream.concat(Stream.of(HTML),
            LANGS.stream().map(Lang::getHeaderString)).map(MediaRange::new).toList());

    private ServiceDescription() {
    }

    static void send(HttpAction action, DatasetGraph dataset, boolean explorerMounted) {
        String accept = action.getRequest().getHeader("Accept");
        MediaType chosen = accept == null || accept.isBlank() ? null : AcceptList.match(acceptList(accept), OFFERS);
        if (chosen != null && chosen.getContentTypeStr().equals(HTML)) {
            write(action, page(explorerMounted).getBytes(StandardCharsets.UTF_8), HTML);
            return;
        }
        Lang lang = chosen == null ? Lang.TURTLE : RDFLanguages.contentTypeToLang(chosen.getContentTypeStr());
        write(action, describe(action, dataset, lang), lang.getHeaderString());
    }

    private static AcceptList acceptList(String accept) {
        try {
            return new AcceptList(accept);
        } catch (RuntimeException malformed) {
            return new AcceptList("*/*");
        }
    }

    /** The page: no script and no style of its own, nothing taken from the request. */
    private static String page(boolean explorerMounted) {
        String editor = explorerMounted
                ? "<p>Write and run a query in the explorer's <a href=\"/#sparql\">SPARQL editor</a> "
                + "(在<a href=\"/#sparql\">SPARQL 编辑器</a>中查询).</p>\n"
                : "";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>SPARQL endpoint — Reform KG</title>\n</head>\n<body>\n<h1>SPARQL endpoint</h1>\n"
                + "<p>This is the read-only SPARQL 1.1 query endpoint of Reform KG (改革举措知识图谱): send a query "
                + "as <code>?query=…</code> (GET) or in a POST body (<code>application/sparql-query</code> or a "
                + "form). The default graph is the union of the named graphs.</p>\n" + editor
                + "<p>Its SPARQL Service Description answers the same URL when an RDF format is asked for "
                + "(<code>Accept: text/turtle</code>, <code>application/ld+json</code>, "
                + "<code>application/rdf+xml</code> or <code>application/n-triples</code>); the dataset is "
                + "described at <a href=\"/.well-known/void\">/.well-known/void</a>.</p>\n</body>\n</html>\n";
    }

    private static byte[] describe(HttpAction action, DatasetGraph dataset, Lang lang) {
        String endpointUrl = action.getRequest().getRequestURL().toString();
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix(SD.PREFIX, SD.NS);
        Resource graphs = model.createResource().addProperty(RDF.type, SD.Dataset)
                .addProperty(SD.defaultGraph, model.createResource().addProperty(RDF.type, SD.Graph));
        List<Node> names = Txn.calculateRead(dataset, () -> {
            List<Node> found = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(found::add);
            return found;
        });
        names.forEach(name -> graphs.addProperty(SD.namedGraph, model.createResource()
                .addProperty(RDF.type, SD.NamedGraph).addProperty(SD.name, model.wrapAsResource(name))));
        Resource service = model.createResource(endpointUrl).addProperty(RDF.type, SD.Service)
                .addProperty(SD.endpoint, model.createResource(endpointUrl))
                .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
                .addProperty(SD.feature, SD.UnionDefaultGraph)
                .addProperty(SD.defaultDataset, graphs);
        SD.RESULT_FORMATS.forEach(format -> service.addProperty(SD.resultFormat, format));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, model, lang);
        return body.toByteArray();
    }

    private static void write(HttpAction action, byte[] body, String contentType) {
        action.setResponseStatus(200);
        action.setResponseContentType(contentType);
        action.setResponseCharacterEncoding("utf-8");
        action.setResponseContentLength(body.length);
        action.getResponse().addHeader("Vary", "Accept");
        try {
            action.getResponseOutputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
