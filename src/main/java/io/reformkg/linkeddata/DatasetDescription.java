package io.reformkg.linkeddata;

import io.reformkg.export.RdfExporter;
import io.reformkg.export.RdfFormat;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Prefixes;
import io.reformkg.http.AnswerCache;
import io.reformkg.http.AnswerFiles;
import io.reformkg.store.GraphStore;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;

/**
 * The VoID and DCAT description of the dataset, served at {@code /.well-known/void} and as the
 * description of {@code {base}dataset}: the fixed text of {@code linkeddata/dataset.ttl} plus
 * what the graph itself says — triples per named graph, entities per class, the SPARQL
 * endpoint, the dumps, the sources and example resources.
 */
final class DatasetDescription {
    static final String TEMPLATE = "linkeddata/dataset.ttl";
    static final String DOWNLOAD_PATH = "/download/";
    static final String CONTEXT_PATH = "/context.jsonld";
    static final String VOID_PATH = "/.well-known/void";
    /** The classes whose first instance is listed as an example resource. */
    private static final List<Resource> EXAMPLE_CLASSES = List.of(RKG.Measure, RKG.GuidingBody, RKG.PilotRegion,
            RKG.PrefectureCity, RKG.ListSection);

    /** Disk for the kept description: some 110 KB at a million measures. */
    private static final long KEPT_BYTES = 16L * 1024 * 1024;

    private DatasetDescription() {
    }

    /**
     * The description of the store's dataset: the one kept beside a TDB2 store by an earlier
     * start, or else built and kept. Its statistics read the whole store — 108 s at a million
     * measures — and change only with the store.
     */
    static Model of(GraphStore store, LinkedDataConfig config) {
        Optional<AnswerFiles> kept = store.answersFolder()
                .map(folder -> AnswerFiles.in(folder, "dataset-description", "", KEPT_BYTES));
        String key = config.datasetPath();
        Optional<AnswerCache.Answer> earlier = kept.flatMap(files -> files.read(key));
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(Prefixes.ALL);
        if (earlier.isPresent()) {
            RDFParser.fromString(new String(earlier.get().body(), StandardCharsets.UTF_8), Lang.NTRIPLES).parse(model);
            return model;
        }
        build(model, store.dataset(), store.iris(), store.version(), config);
        kept.ifPresent(files -> files.write(key, new AnswerCache.Answer(Lang.NTRIPLES.getHeaderString(),
                RDFWriter.source(model).lang(Lang.NTRIPLES).asString().getBytes(StandardCharsets.UTF_8), "")));
        return model;
    }

    private static void build(Model model, Dataset data, IriScheme iris, String version, LinkedDataConfig config) {
        try (InputStream in = DatasetDescription.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + TEMPLATE + "; rebuild it with mvn package");
            }
            RDFParser.source(in).lang(Lang.TURTLE).base(iris.base()).parse(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
        Resource dataset = model.createResource(iris.dataset());
        dataset.addProperty(VOID.uriSpace, iris.base())
                .addProperty(OWL.versionInfo, version);
        Txn.executeRead(data, () -> {
            addStatistics(model, dataset, data, iris);
            addContents(model, dataset, data);
        });
        String endpoint = serviceIri(iris, config.datasetPath()) + "/sparql";
        dataset.addProperty(VOID.sparqlEndpoint, model.createResource(endpoint))
                .addProperty(DCAT.accessService, model.createResource()
                        .addProperty(RDF.type, DCAT.DataService)
                        .addProperty(DCAT.endpointURL, model.createResource(endpoint))
                        .addProperty(DCAT.servesDataset, dataset));
        for (RdfFormat format : RdfFormat.values()) {
            Resource dump = model.createResource(downloadIri(iris, format));
            dataset.addProperty(VOID.dataDump, dump)
                    .addProperty(DCAT.distribution, model.createResource()
                            .addProperty(RDF.type, DCAT.Distribution)
                            .addProperty(DCAT.downloadURL, dump)
                            .addProperty(DCTerms.format, format.contentType())
                            .addProperty(DCTerms.title, format.lang().getLabel()));
        }
    }

    /** The persistent IRI of the dump in one format; the server maps it to {@code /download/…}. */
    static String downloadIri(IriScheme iris, RdfFormat format) {
        return iris.base() + DOWNLOAD_PATH.substring(1) + RdfExporter.FILE_STEM + "." + format.extension();
    }

    private static String serviceIri(IriScheme iris, String datasetPath) {
        return iris.base() + datasetPath.substring(1);
    }

    private static void addStatistics(Model model, Resource dataset, Dataset data, IriScheme iris) {
        QuerySolution totals = SparqlFiles.select(SparqlFiles.load("dataset-totals"), data).get(0);
        dataset.addLiteral(VOID.triples, count(model, totals.get("triples")))
                .addLiteral(VOID.entities, count(model, totals.get("entities")))
                .addLiteral(VOID.classes, count(model, totals.get("classes")))
                .addLiteral(VOID.properties, count(model, totals.get("properties")));
        for (QuerySolution row : SparqlFiles.select(SparqlFiles.load("graph-sizes"), data)) {
            Resource graph = row.getResource("graph");
            String name = graph.getURI().startsWith(iris.base()) ? graph.getURI().substring(iris.base().length())
                    : graph.getURI();
            dataset.addProperty(VOID.subset, model.createResource(graph.getURI())
                    .addProperty(RDF.type, VOID.Dataset)
                    .addProperty(RDFS.label, name)
                    .addLiteral(VOID.triples, count(model, row.get("triples"))));
        }
        for (QuerySolution row : SparqlFiles.select(SparqlFiles.load("class-partitions"), data)) {
            dataset.addProperty(VOID.classPartition, model.createResource()
                    .addProperty(VOID._class, row.getResource("class"))
                    .addLiteral(VOID.entities, count(model, row.get("entities"))));
        }
    }

    private static void addContents(Model model, Resource dataset, Dataset data) {
        Model union = data.getUnionModel();
        union.listSubjectsWithProperty(RDF.type, RKG.ReformList)
                .forEachRemaining(list -> dataset.addProperty(VOID.rootResource, model.createResource(list.getURI())));
        union.listSubjectsWithProperty(RDF.type, RKG.SourceDocument)
                .forEachRemaining(source -> dataset.addProperty(DCTerms.source, model.createResource(source.getURI())));
        for (Resource exampleClass : EXAMPLE_CLASSES) {
            ParameterizedSparqlString query = SparqlFiles.load("example-resource");
            query.setIri("class", exampleClass.getURI());
            for (QuerySolution row : SparqlFiles.select(query, union)) {
                dataset.addProperty(VOID.exampleResource, model.createResource(row.getResource("example").getURI()));
            }
        }
    }

    private static org.apache.jena.rdf.model.Literal count(Model model, RDFNode value) {
        return model.createTypedLiteral(value.asLiteral().getLexicalForm(), XSDDatatype.XSDinteger);
    }
}
