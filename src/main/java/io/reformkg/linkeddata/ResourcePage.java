package io.reformkg.linkeddata;

import io.reformkg.vocab.RKG;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;

/**
 * The HTML page of one resource: its names in Chinese and English, its statements with links
 * and the graph each comes from, what points at it, and for bodies, regions and measures the
 * lists a reader looks for (a body's measures and partners, the measures that apply in a
 * region, a measure's guiding bodies in order). Every literal and IRI goes through {@link Html}.
 */
final class ResourcePage {
    /** How many statements of one property pointing at the resource a page lists. */
    static final int INCOMING_PER_PROPERTY = 100;
    private static final int NESTING_LIMIT = 4;
    private static final Set<Resource> REGION_TYPES = Set.of(RKG.Nation, RKG.PilotRegion, RKG.Province,
            RKG.PrefectureCity, RKG.County);
    private static final List<Node> LEADING_PROPERTIES = List.of(RDF.type.asNode(), RDFS.label.asNode(),
            SKOS.prefLabel.asNode());

    private final LinkedDataSite site;
    private final DatasetGraph description;
    private final Node resource;
    private final String thingPath;
    private final PageLinks links;
    private final ReaderLanguage reader;
    private final Labels labels;
    private final Html html = new Html();

    ResourcePage(LinkedDataSite site, DatasetGraph description, Node resource, String thingPath, PageLinks links,
                 ReaderLanguage reader) {
        this.site = site;
        this.description = description;
        this.resource = resource;
        this.thingPath = thingPath;
        this.links = links;
        this.reader = reader;
        this.labels = site.labels();
    }

    /** The page; the caller holds a read transaction on the data. */
    String render() {
        Labels.Label title = labels.of(resource, reader);
        html.trusted("<!DOCTYPE html>\n")
                .open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", reader.tag(), "xml:lang", reader.tag())
                .open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                // no icon, as the explorer: a browser would otherwise ask for /favicon.ico
                .empty("link", "rel", "icon", "href", "data:,")
                .element("title", title.text() + " — " + Text.SITE.in(reader));
        for (DocumentFormat format : DocumentFormat.values()) {
            if (format != DocumentFormat.HTML) {
                html.empty("link", "rel", "alternate", "type", format.mediaType(),
                        "href", links.file(IriMapper.documentPath(thingPath, format)));
            }
        }
        html.empty("link", "rel", "describedby", "type", DocumentFormat.TURTLE.mediaType(),
                "href", links.file(DatasetDescription.VOID_PATH));
        html.open("style").text(site.stylesheet()).close("style");
        html.open("script", "type", "application/ld+json")
                .trusted(new SchemaOrg(description, labels, reader, links).script(resource))
                .close("script")
                .close("head")
                .open("body");
        navigation();
        html.open("main");
        heading(title);
        properties();
        specialSections();
        incoming();
        formats();
        html.close("main");
        footer();
        html.close("body").close("html");
        return html.toString();
    }

    private void navigation() {
        html.open("header").open("nav")
                .element("a", Text.SITE.in(reader), "href", links.page(DatasetDescription.VOID_PATH), "class", "site")
                .text(" · ")
                .element("a", Text.DATASET.in(reader) + " (VoID)", "href", links.page(DatasetDescription.VOID_PATH),
                        "id", "void-link")
                .text(" · ")
                .element("a", Text.SPARQL.in(reader), "href", links.file(site.config().datasetPath() + "/sparql"))
                .text(" · ")
                .element("a", Text.CONTEXT.in(reader), "href", links.file(DatasetDescription.CONTEXT_PATH));
        if (site.config().explorerAtRoot()) {
            html.text(" · ").element("a", Text.EXPLORER.in(reader), "href", links.file("/") + "?lang=" + reader.tag()
                    + explorerView(), "id", "explorer-link");
        }
        html.text(" ")
                .open("span", "class", "languages").text(Text.LANGUAGE.in(reader) + ": ")
                .element("a", "中文", "href", links.file(thingPath) + "?lang=zh", "lang", "zh", "hreflang", "zh")
                .text(" | ")
                .element("a", "English", "href", links.file(thingPath) + "?lang=en", "lang", "en", "hreflang", "en")
                .close("span")
                .close("nav").close("header");
    }

    /** The explorer's view of this resource (after its #): a measure's or a body's own view, else its home. */
    private String explorerView() {
        List<Node> types = ResourceDescriber.objects(description, resource, RDF.type.asNode());
        if (types.contains(RKG.Measure.asNode())) {
            return "#measure?iri=" + URLEncoder.encode(resource.getURI(), StandardCharsets.UTF_8);
        }
        List<Node> notations = ResourceDescriber.objects(description, resource, SKOS.notation.asNode());
        if (types.contains(RKG.GuidingBody.asNode()) && !notations.isEmpty() && notations.get(0).isLiteral()) {
            return "#body?id=" + URLEncoder.encode(notations.get(0).getLiteralLexicalForm(), StandardCharsets.UTF_8);
        }
        return "";
    }

    private void heading(Labels.Label title) {
        html.element("h1", title.text(), "lang", emptyToNull(title.language()));
        List<Node> names = labels.all(resource);
        if (!names.isEmpty()) {
            html.open("dl", "class", "names", "id", "names");
            html.element("dt", Text.LABELS.in(reader));
            for (Node name : names) {
                html.open("dd");
                literal(name);
                html.close("dd");
            }
            html.close("dl");
        }
        html.open("p", "class", "iri").element("span", Text.IRI.in(reader) + ": ")
                .element("code", resource.getURI(), "id", "iri").close("p");
        List<Node> types = ResourceDescriber.objects(description, resource, RDF.type.asNode());
        if (!types.isEmpty()) {
            html.open("p", "class", "types").text(Text.TYPES.in(reader) + ": ");
            for (int i = 0; i < types.size(); i++) {
                if (i > 0) {
                    html.text(", ");
                }
                value(types.get(i), 0);
            }
            html.close("p");
        }
    }

    private void properties() {
        List<Quad> statements = new ArrayList<>();
        description.find(Node.ANY, resource, Node.ANY, Node.ANY).forEachRemaining(statements::add);
        statements.sort(Comparator.comparingInt((Quad quad) -> leadingRank(quad.getPredicate()))
                .thenComparing(quad -> labels.shortName(quad.getPredicate().getURI()))
                .thenComparing(quad -> quad.getObject().toString()));
        html.open("section", "id", "properties").element("h2", Text.PROPERTIES.in(reader));
        html.open("table").open("thead").open("tr").element("th", Text.PROPERTY.in(reader))
                .element("th", Text.VALUE.in(reader)).element("th", Text.GRAPH.in(reader))
                .close("tr").close("thead").open("tbody");
        for (Quad quad : statements) {
            html.open("tr").open("th", "scope", "row");
            value(quad.getPredicate(), 0);
            html.close("th").open("td");
            value(quad.getObject(), 0);
            html.close("td").open("td", "class", "graph");
            graph(quad.getGraph());
            html.close("td").close("tr");
        }
        html.close("tbody").close("table").close("section");
    }

    private static int leadingRank(Node property) {
        int index = LEADING_PROPERTIES.indexOf(property);
        return index < 0 ? LEADING_PROPERTIES.size() : index;
    }

    private void specialSections() {
        List<Node> types = ResourceDescriber.objects(description, resource, RDF.type.asNode());
        Model data = site.unionModel();
        if (types.contains(RKG.Measure.asNode())) {
            guidingBodies(data);
        }
        if (types.contains(ORG.FormalOrganization.asNode()) || types.contains(RKG.GuidingBody.asNode())) {
            bodyMeasures(data);
            partners(data);
        }
        if (REGION_TYPES.stream().anyMatch(type -> types.contains(type.asNode()))) {
            regionMeasures(data);
        }
        if (types.contains(VOID.Dataset.asNode())) {
            downloads();
        }
    }

    private void downloads() {
        List<Node> dumps = ResourceDescriber.objects(description, resource, VOID.dataDump.asNode());
        if (dumps.isEmpty()) {
            return;
        }
        html.open("section", "id", "downloads").element("h2", Text.DOWNLOADS.in(reader)).open("ul");
        for (Node dump : dumps) {
            String text = labels.shortName(dump.getURI());
            html.open("li");
            link(dump, text.substring(text.lastIndexOf('/') + 1), "");
            html.close("li");
        }
        html.close("ul").close("section");
    }

    private List<QuerySolution> select(String query, String parameter, Model data) {
        ParameterizedSparqlString sparql = SparqlFiles.load(query);
        sparql.setIri(parameter, resource.getURI());
        return SparqlFiles.select(sparql, data);
    }

    private void guidingBodies(Model data) {
        List<QuerySolution> rows = select("measure-guidance", "measure", data);
        html.open("section", "id", "guiding-bodies").element("h2", Text.GUIDING_BODIES.in(reader)).open("ol");
        for (QuerySolution row : rows) {
            html.open("li", "value", row.getLiteral("position").getLexicalForm());
            value(row.getResource("body").asNode(), 0);
            if (row.getLiteral("position").getInt() == 1) {
                html.text(" ").element("span", "(" + Text.LEAD.in(reader) + ")", "class", "lead");
            }
            html.close("li");
        }
        html.close("ol").close("section");
    }

    private void bodyMeasures(Model data) {
        List<QuerySolution> rows = select("body-measures", "body", data);
        html.open("section", "id", "measures").element("h2", Text.MEASURES_GUIDED.in(reader))
                .element("p", Text.MEASURE_COUNT.format(reader, rows.size()), "class", "count");
        if (!rows.isEmpty()) {
            html.open("table").open("thead").open("tr").element("th", Text.NUMBER.in(reader))
                    .element("th", Text.TITLE.in(reader)).element("th", Text.POSITION.in(reader))
                    .close("tr").close("thead").open("tbody");
            for (QuerySolution row : rows) {
                int position = row.getLiteral("position").getInt();
                html.open("tr").element("td", row.getLiteral("number").getLexicalForm()).open("td");
                link(row.getResource("measure").asNode(), row.getLiteral("title").getLexicalForm(), "zh");
                html.close("td").element("td", position == 1 ? position + " (" + Text.LEAD.in(reader) + ")"
                        : String.valueOf(position)).close("tr");
            }
            html.close("tbody").close("table");
        }
        html.close("section");
    }

    private void partners(Model data) {
        List<QuerySolution> rows = select("body-partners", "body", data);
        html.open("section", "id", "partners").element("h2", Text.PARTNERS.in(reader));
        if (rows.isEmpty()) {
            html.element("p", Text.NONE.in(reader));
        } else {
            html.open("table").open("thead").open("tr").element("th", Text.BODY.in(reader))
                    .element("th", Text.SHARED_MEASURES.in(reader)).close("tr").close("thead").open("tbody");
            for (QuerySolution row : rows) {
                html.open("tr").open("td");
                value(row.getResource("partner").asNode(), 0);
                html.close("td").element("td", row.getLiteral("shared").getLexicalForm()).close("tr");
            }
            html.close("tbody").close("table");
        }
        html.close("section");
    }

    private void regionMeasures(Model data) {
        List<QuerySolution> rows = select("region-measures", "region", data);
        html.open("section", "id", "measures-here").element("h2", Text.MEASURES_HERE.in(reader))
                .element("p", Text.MEASURE_COUNT.format(reader, rows.size()), "class", "count");
        if (!rows.isEmpty()) {
            html.open("table").open("thead").open("tr").element("th", Text.NUMBER.in(reader))
                    .element("th", Text.TITLE.in(reader)).element("th", Text.SCOPE.in(reader))
                    .close("tr").close("thead").open("tbody");
            for (QuerySolution row : rows) {
                html.open("tr").element("td", row.getLiteral("number").getLexicalForm()).open("td");
                link(row.getResource("measure").asNode(), row.getLiteral("title").getLexicalForm(), "zh");
                html.close("td").open("td");
                value(row.getResource("scope").asNode(), 0);
                html.close("td").close("tr");
            }
            html.close("tbody").close("table");
        }
        html.close("section");
    }

    private void incoming() {
        Map<Node, List<Quad>> byProperty = new LinkedHashMap<>();
        List<Quad> all = new ArrayList<>();
        description.find(Node.ANY, Node.ANY, Node.ANY, resource).forEachRemaining(all::add);
        all.sort(Comparator.comparing((Quad quad) -> labels.shortName(quad.getPredicate().getURI()))
                .thenComparing(quad -> quad.getSubject().getURI()));
        all.forEach(quad -> byProperty.computeIfAbsent(quad.getPredicate(), key -> new ArrayList<>()).add(quad));
        if (byProperty.isEmpty()) {
            return;
        }
        html.open("section", "id", "referenced-by").element("h2", Text.REFERENCED_BY.in(reader));
        html.open("table").open("thead").open("tr").element("th", Text.SUBJECT.in(reader))
                .element("th", Text.PROPERTY.in(reader)).element("th", Text.GRAPH.in(reader))
                .close("tr").close("thead").open("tbody");
        for (List<Quad> quads : byProperty.values()) {
            for (Quad quad : quads.subList(0, Math.min(quads.size(), INCOMING_PER_PROPERTY))) {
                html.open("tr").open("td");
                value(quad.getSubject(), 0);
                html.close("td").open("td");
                value(quad.getPredicate(), 0);
                html.close("td").open("td", "class", "graph");
                graph(quad.getGraph());
                html.close("td").close("tr");
            }
            if (quads.size() > INCOMING_PER_PROPERTY) {
                html.open("tr", "class", "more").open("td", "colspan", "3")
                        .text(Text.MORE.format(reader, quads.size() - INCOMING_PER_PROPERTY)).close("td").close("tr");
            }
        }
        html.close("tbody").close("table").close("section");
    }

    private void formats() {
        html.open("p", "class", "formats", "id", "formats").text(Text.FORMATS.in(reader) + ": ");
        DocumentFormat[] formats = DocumentFormat.values();
        for (int i = 0; i < formats.length; i++) {
            if (i > 0) {
                html.text(" · ");
            }
            String path = IriMapper.documentPath(thingPath, formats[i]);
            html.element("a", formats[i].extension(), "href",
                    formats[i] == DocumentFormat.HTML ? links.page(path) : links.file(path),
                    "type", formats[i].mediaType());
        }
        html.close("p");
    }

    private void footer() {
        html.open("footer").open("p")
                .element("a", Text.DATASET.in(reader) + " (VoID)", "href", links.page(DatasetDescription.VOID_PATH))
                .text(" · ")
                .element("a", Text.DOWNLOADS.in(reader), "href", links.page(DatasetDescription.VOID_PATH) + "#downloads");
        site.licence().ifPresent(licence -> {
            html.text(" · " + Text.LICENCE.in(reader) + ": ");
            value(licence, 0);
        });
        html.close("p").close("footer");
    }

    /** A link to a resource with a given text (for query rows that carry the label already). */
    private void link(Node target, String text, String language) {
        var href = links.href(target);
        if (href.isPresent()) {
            html.element("a", text, "href", href.get(), "lang", emptyToNull(language));
        } else {
            html.element("span", text, "lang", emptyToNull(language));
        }
    }

    /** Any RDF term: a link with the reader's label, a literal with its language, or a blank node inline. */
    private void value(Node node, int depth) {
        if (node.isURI()) {
            Labels.Label label = labels.of(node, reader);
            var href = links.href(node);
            if (href.isPresent()) {
                html.element("a", label.text(), "href", href.get(), "title", node.getURI(),
                        "lang", emptyToNull(label.language()));
            } else {
                html.element("span", label.text(), "title", node.getURI(), "lang", emptyToNull(label.language()));
            }
        } else if (node.isLiteral()) {
            literal(node);
        } else if (node.isBlank()) {
            blank(node, depth);
        } else {
            html.text(node.toString());
        }
    }

    private void literal(Node literal) {
        String language = literal.getLiteralLanguage();
        html.element("span", literal.getLiteralLexicalForm(), "class", "literal", "lang", emptyToNull(language));
        if (!language.isEmpty()) {
            html.text(" ").element("small", "@" + language, "class", "language");
        } else if (literal.getLiteralDatatypeURI() != null
                && !literal.getLiteralDatatypeURI().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI())) {
            html.text(" ").element("small", "^^" + labels.shortName(literal.getLiteralDatatypeURI()), "class", "datatype");
        }
    }

    /** A blank node drawn in place: an RDF list as ( … ), anything else as [ property value; … ]. */
    private void blank(Node node, int depth) {
        if (depth >= NESTING_LIMIT) {
            html.text("[…]");
            return;
        }
        List<Node> items = listItems(node);
        if (items != null) {
            html.text("( ");
            for (Node item : items) {
                value(item, depth + 1);
                html.text(" ");
            }
            html.text(")");
            return;
        }
        html.text("[ ");
        List<Quad> quads = new ArrayList<>();
        description.find(Node.ANY, node, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        for (int i = 0; i < quads.size(); i++) {
            if (i > 0) {
                html.text("; ");
            }
            value(quads.get(i).getPredicate(), depth + 1);
            html.text(" ");
            value(quads.get(i).getObject(), depth + 1);
        }
        html.text(" ]");
    }

    /** The members of a well-formed RDF list, or null when the node is not one. */
    private List<Node> listItems(Node node) {
        List<Node> items = new ArrayList<>();
        Node current = node;
        while (!current.equals(RDF.nil.asNode())) {
            List<Node> first = ResourceDescriber.objects(description, current, RDF.first.asNode());
            List<Node> rest = ResourceDescriber.objects(description, current, RDF.rest.asNode());
            if (first.size() != 1 || rest.size() != 1 || items.size() > 1000) {
                return null;
            }
            items.add(first.get(0));
            current = rest.get(0);
        }
        return items;
    }

    /** The badge naming the graph a statement comes from, linked to that graph's description. */
    private void graph(Node graph) {
        if (Quad.isDefaultGraph(graph)) {
            html.element("a", Text.METADATA_GRAPH.in(reader), "href", links.page(DatasetDescription.VOID_PATH),
                    "class", "badge metadata");
            return;
        }
        String iri = graph.getURI();
        String name;
        String kind;
        if (iri.equals(site.iris().ontologyGraph())) {
            name = Text.ONTOLOGY_GRAPH.in(reader);
            kind = "ontology";
        } else if (iri.equals(site.iris().referenceGraph())) {
            name = Text.REFERENCE_GRAPH.in(reader);
            kind = "reference";
        } else if (iri.equals(site.iris().inferredGraph())) {
            name = Text.INFERRED_GRAPH.in(reader);
            kind = "inferred";
        } else if (iri.startsWith(site.sourceGraphPrefix())) {
            name = Text.SOURCE_GRAPH.format(reader, iri.substring(site.sourceGraphPrefix().length()));
            kind = "source";
        } else {
            name = labels.shortName(iri);
            kind = "other";
        }
        var href = links.href(graph);
        html.element("a", name, "href", href.orElse(null), "title", iri, "class", "badge " + kind);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
