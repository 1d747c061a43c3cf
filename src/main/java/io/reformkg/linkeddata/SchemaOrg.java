package io.reformkg.linkeddata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reformkg.vocab.ELI;
import io.reformkg.vocab.RKG;
import io.reformkg.vocab.SCHEMA;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;

/**
 * The schema.org JSON-LD a page embeds for search engines: the resource's schema.org type,
 * name, description and main links. The JSON escapes {@code <}, {@code >} and {@code &} so no
 * literal can close the {@code <script>} element it sits in.
 */
final class SchemaOrg {
    /** schema.org types by the graph's classes, in order of precedence. */
    private static final Map<Resource, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(RKG.Measure, "Legislation");
        TYPES.put(RKG.ReformList, "Legislation");
        TYPES.put(RKG.ListSection, "Legislation");
        TYPES.put(ORG.FormalOrganization, "GovernmentOrganization");
        TYPES.put(RKG.Nation, "Country");
        TYPES.put(RKG.PilotRegion, "AdministrativeArea");
        TYPES.put(RKG.Province, "AdministrativeArea");
        TYPES.put(RKG.PrefectureCity, "AdministrativeArea");
        TYPES.put(RKG.County, "AdministrativeArea");
        TYPES.put(SKOS.Concept, "DefinedTerm");
        TYPES.put(RKG.SourceDocument, "DigitalDocument");
        TYPES.put(VOID.Dataset, "Dataset");
        TYPES.put(OWL.Ontology, "DefinedTermSet");
        TYPES.put(OWL.Class, "DefinedTerm");
        TYPES.put(OWL.ObjectProperty, "DefinedTerm");
        TYPES.put(OWL.DatatypeProperty, "DefinedTerm");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatasetGraph description;
    private final Labels labels;
    private final ReaderLanguage reader;
    private final PageLinks links;

    SchemaOrg(DatasetGraph description, Labels labels, ReaderLanguage reader, PageLinks links) {
        this.description = description;
        this.labels = labels;
        this.reader = reader;
        this.links = links;
    }

    /** The JSON for a {@code <script type="application/ld+json">} element, safe to embed as is. */
    String script(Node resource) {
        ObjectNode json = JSON.createObjectNode();
        json.put("@context", SCHEMA.NS);
        json.put("@type", type(resource));
        json.put("@id", resource.getURI());
        json.put("name", labels.of(resource, reader).text());
        ArrayNode alternates = json.putArray("alternateName");
        for (Node label : labels.all(resource)) {
            if (!label.getLiteralLexicalForm().equals(json.get("name").asText())
                    && !containsText(alternates, label.getLiteralLexicalForm())) {
                alternates.add(label.getLiteralLexicalForm());
            }
        }
        if (alternates.isEmpty()) {
            json.remove("alternateName");
        }
        json.put("url", links.absolute(resource));
        firstText(resource, List.of(ELI.description.asNode(), SKOS.definition.asNode(), DCTerms.description.asNode()))
                .ifPresent(text -> json.put("description", text));
        first(resource, SKOS.notation.asNode()).ifPresent(code -> json.put("identifier", code.getLiteralLexicalForm()));
        first(resource, ELI.number.asNode())
                .ifPresent(number -> json.put("legislationIdentifier", number.getLiteralLexicalForm()));
        references(json, "legislationResponsible", resource, ELI.responsibility_of.asNode(), "GovernmentOrganization");
        references(json, "isPartOf", resource, ELI.is_part_of.asNode(), null);
        references(json, "about", resource, RKG.category.asNode(), "DefinedTerm");
        references(json, "containedInPlace", resource, SCHEMA.containedInPlace.asNode(), "Place");
        references(json, "inDefinedTermSet", resource, SKOS.inScheme.asNode(), "DefinedTermSet");
        first(resource, DCTerms.license.asNode()).filter(Node::isURI)
                .ifPresent(licence -> json.put("license", licence.getURI()));
        ArrayNode downloads = JSON.createArrayNode();
        for (Node dump : ResourceDescriber.objects(description, resource, VOID.dataDump.asNode())) {
            downloads.addObject().put("@type", "DataDownload").put("contentUrl", links.absolute(dump));
        }
        if (!downloads.isEmpty()) {
            json.set("distribution", downloads);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schema.org JSON-LD", e);
        }
    }

    private String type(Node resource) {
        List<Node> types = ResourceDescriber.objects(description, resource, RDF.type.asNode());
        return TYPES.entrySet().stream().filter(entry -> types.contains(entry.getKey().asNode()))
                .map(Map.Entry::getValue).findFirst().orElse("Thing");
    }

    private void references(ObjectNode json, String key, Node resource, Node property, String type) {
        ArrayNode array = JSON.createArrayNode();
        for (Node target : ResourceDescriber.objects(description, resource, property)) {
            if (target.isURI()) {
                ObjectNode reference = array.addObject();
                if (type != null) {
                    reference.put("@type", type);
                }
                reference.put("@id", target.getURI()).put("name", labels.of(target, reader).text())
                        .put("url", links.absolute(target));
            }
        }
        if (array.size() == 1) {
            json.set(key, array.get(0));
        } else if (!array.isEmpty()) {
            json.set(key, array);
        }
    }

    private Optional<Node> first(Node resource, Node property) {
        return ResourceDescriber.objects(description, resource, property).stream().filter(Node::isLiteral).findFirst()
                .or(() -> ResourceDescriber.objects(description, resource, property).stream().findFirst());
    }

    private Optional<String> firstText(Node resource, List<Node> properties) {
        for (Node property : properties) {
            List<Node> values = ResourceDescriber.objects(description, resource, property).stream()
                    .filter(Node::isLiteral).toList();
            for (String language : reader.preference()) {
                for (Node value : values) {
                    if (value.getLiteralLanguage().equalsIgnoreCase(language)) {
                        return Optional.of(value.getLiteralLexicalForm());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (var element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
