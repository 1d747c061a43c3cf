package io.reformkg.server;

import io.reformkg.vocab.SD;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
 * The SPARQL 1.1 Service Description of the endpoint: query language, result formats, the
 * union default graph and the named graphs. Turtle unless the client asks for another RDF format.
 */
final class ServiceDescription {
    private static final List<Lang> LANGS = List.of(Lang.TURTLE, Lang.JSONLD, Lang.RDFXML, Lang.NTRIPLES);

    private ServiceDescription() {
    }

    static void send(HttpAction action, DatasetGraph dataset) {
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
        Lang lang = chooseLang(action.getRequest().getHeader("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, model, lang);
        action.setResponseStatus(200);
        action.setResponseContentType(lang.getHeaderString());
        action.setResponseCharacterEncoding("utf-8");
        action.setResponseContentLength(body.size());
        try {
            action.getResponseOutputStream().write(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lang chooseLang(String accept) {
        if (accept != null) {
            for (String range : accept.split(",")) {
                Lang lang = RDFLanguages.contentTypeToLang(range.split(";")[0].trim());
                if (LANGS.contains(lang)) {
                    return lang;
                }
            }
        }
        return Lang.TURTLE;
    }
}
