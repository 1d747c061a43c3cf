package io.reformkg.graph;

import io.reformkg.vocab.RKG;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * Writes the ontology as Markdown an analyst can read ({@code docs/ontology.md}): every class,
 * property and concept scheme with its Chinese and English label, definition, domain and range,
 * the standard terms it maps to, and an example — a real statement from the built graph, or the
 * ontology's own example where the term is only inferred. The committed docs/ontology.md is its output.
 */
public final class OntologyDocs {
    private static final int LITERAL_CHARS = 40;
    /** How a term is typed, in the order the document presents the groups. */
    private static final List<Group> GROUPS = List.of(
            new Group("Classes", "类", OWL.Class),
            new Group("Object properties", "对象属性", OWL.ObjectProperty),
            new Group("Data properties", "数据属性", OWL.DatatypeProperty),
            new Group("Concept schemes", "概念体系", SKOS.ConceptScheme));
    private static final List<Resource> CHARACTERISTICS = List.of(OWL.FunctionalProperty, OWL.TransitiveProperty,
            OWL.SymmetricProperty, OWL.IrreflexiveProperty);
    /** Ontology statements that map a term to a standard one, with how the document names them. */
    private static final List<Property> MAPPINGS = List.of(RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass,
            OWL.equivalentProperty, OWL.inverseOf, SKOS.exactMatch, SKOS.closeMatch);

    private final Model ontology;
    private final Model data;
    private final IriScheme iris;
    private final PrefixMapping prefixes;

    private record Group(String title, String zh, Resource type) {
    }

    private OntologyDocs(Model ontology, Model data, IriScheme iris) {
        this.ontology = ontology;
        this.data = data;
        this.iris = iris;
        this.prefixes = PrefixMapping.Factory.create().setNsPrefixes(Prefixes.ALL).lock();
    }

    /** The Markdown document for {@code ontology}, with examples from {@code built} (a built dataset). */
    public static String markdown(Model ontology, Dataset built, IriScheme iris) {
        return Txn.calculateRead(built, () -> new OntologyDocs(ontology, dataGraphs(built, iris), iris).document());
    }

    /** Every graph but the ontology's own, so examples show data rather than the ontology describing itself. */
    private static Model dataGraphs(Dataset built, IriScheme iris) {
        Model data = ModelFactory.createDefaultModel();
        built.listModelNames().forEachRemaining(name -> {
            if (!name.getURI().equals(iris.ontologyGraph())) {
                data.add(built.getNamedModel(name));
            }
        });
        return data;
    }

    /** Terms of the ontology that lack a Chinese or English label or definition. */
    public static List<String> undocumentedTerms(Model ontology) {
        List<String> missing = new ArrayList<>();
        for (Resource term : terms(ontology)) {
            for (Property property : List.of(RDFS.label, SKOS.definition)) {
                for (String language : List.of("zh", "en")) {
                    if (term.getProperty(property, language) == null) {
                        missing.add(term.getLocalName() + " lacks " + property.getLocalName() + "@" + language);
                    }
                }
            }
        }
        return missing;
    }

    private static List<Resource> terms(Model ontology) {
        return ontology.listSubjectsWithProperty(RDFS.isDefinedBy, RKG.ONTOLOGY).toList().stream()
                .filter(Resource::isURIResource)
                .sorted(Comparator.comparing(Resource::getURI))
                .toList();
    }

    private String document() {
        StringBuilder out = new StringBuilder();
        Resource about = ontology.getResource(RKG.NS);
        out.append("# ").append(text(about, RDFS.label, "en")).append(" · ").append(text(about, RDFS.label, "zh"))
                .append("\n\n");
        out.append("<!-- Generated from ontology/reform-kg.ttl and the built graph by io.reformkg.graph.OntologyDocs;\n"
                + "     do not edit. Regenerate: java -jar target/reform-kg.jar ontology-docs -->\n\n");
        out.append(text(about, DCTerms.description, "en")).append("\n\n")
                .append(text(about, DCTerms.description, "zh")).append("\n\n");
        out.append("Namespace `").append(RKG.NS).append("` (prefix `").append(RKG.PREFIX).append(":`). ")
                .append("The graph states most things with standard vocabularies — ELI, SKOS, W3C ORG, DCTERMS, PROV, "
                        + "schema.org; the terms below cover only what none of them says, each mapped to its nearest "
                        + "standard term. Data IRIs are shown relative to the base `").append(iris.base())
                .append("` (see [iri-scheme.md](iri-scheme.md)). Examples are real statements of the graph built "
                        + "from `data/`; a term marked *inferred* is derived at query time and shows the ontology's "
                        + "own example instead.\n\n");
        for (Group group : GROUPS) {
            out.append("- [").append(group.title()).append(" · ").append(group.zh()).append("](#")
                    .append(anchor(group.title() + " · " + group.zh())).append(")\n");
        }
        out.append("- [Standard terms the graph uses · 所用标准术语](#")
                .append(anchor("Standard terms the graph uses · 所用标准术语")).append(")\n\n");
        for (Group group : GROUPS) {
            out.append("## ").append(group.title()).append(" · ").append(group.zh()).append("\n\n");
            for (Resource term : terms(ontology)) {
                if (term.hasProperty(RDF.type, group.type())) {
                    term(out, term, group.type());
                }
            }
        }
        standardTerms(out);
        return out.toString();
    }

    private void term(StringBuilder out, Resource term, Resource type) {
        out.append("### ").append(shortName(term)).append("\n\n");
        out.append("| | |\n|---|---|\n");
        row(out, "IRI", "`" + term.getURI() + "`");
        row(out, "Label 标签", text(term, RDFS.label, "zh") + " · " + text(term, RDFS.label, "en"));
        row(out, "Definition 定义", text(term, SKOS.definition, "zh") + "<br>" + text(term, SKOS.definition, "en"));
        List<String> characteristics = CHARACTERISTICS.stream().filter(c -> term.hasProperty(RDF.type, c))
                .map(this::shortName).toList();
        if (!characteristics.isEmpty()) {
            row(out, "Characteristics 特性", String.join(", ", characteristics));
        }
        Optional.ofNullable(term.getPropertyResourceValue(RDFS.domain))
                .ifPresent(domain -> row(out, "Domain 定义域", classExpression(domain)));
        Optional.ofNullable(term.getPropertyResourceValue(RDFS.range))
                .ifPresent(range -> row(out, "Range 值域", classExpression(range)));
        for (Property mapping : MAPPINGS) {
            List<String> targets = term.listProperties(mapping).mapWith(Statement::getObject).toList().stream()
                    .map(this::node).sorted().toList();
            if (!targets.isEmpty()) {
                row(out, shortName(mapping), String.join(", ", targets));
            }
        }
        example(out, term, type);
        out.append("\n");
    }

    private void example(StringBuilder out, Resource term, Resource type) {
        if (type.equals(OWL.Class)) {
            List<Resource> instances = subclassesOf(term).stream()
                    .flatMap(c -> data.listSubjectsWithProperty(RDF.type, c).toList().stream()).distinct().toList();
            if (!instances.isEmpty()) {
                Resource instance = first(instances);
                row(out, "In the graph 图中", instances.size() + " instance(s) of it or its subclasses, e.g. "
                        + node(instance) + label(instance));
                return;
            }
        } else if (type.equals(SKOS.ConceptScheme)) {
            List<Resource> concepts = data.listSubjectsWithProperty(SKOS.inScheme, term).toList();
            if (!concepts.isEmpty()) {
                row(out, "In the graph 图中", concepts.size() + " concept(s): " + concepts.stream()
                        .sorted(Comparator.comparing(Resource::getURI))
                        .map(concept -> node(concept) + label(concept)).collect(Collectors.joining(", ")));
                return;
            }
        } else {
            List<Statement> uses = data.listStatements(null, data.createProperty(term.getURI()), (RDFNode) null).toList();
            if (!uses.isEmpty()) {
                row(out, "In the graph 图中", uses.size() + " statement(s), e.g. " + triple(exampleOf(uses)));
                return;
            }
        }
        String example = term.hasProperty(SKOS.example) ? "`" + term.getProperty(SKOS.example).getString().replace("|",
                "\\|") + "`" : "—";
        row(out, "In the graph 图中", "*inferred* (not stated in the built graph); example: " + example);
    }

    /** The class and every class below it in the ontology. */
    private Set<Resource> subclassesOf(Resource type) {
        Set<Resource> found = new LinkedHashSet<>(List.of(type));
        for (Deque<Resource> pending = new ArrayDeque<>(found); !pending.isEmpty(); ) {
            ontology.listSubjectsWithProperty(RDFS.subClassOf, pending.pop()).forEach(sub -> {
                if (found.add(sub)) {
                    pending.push(sub);
                }
            });
        }
        return found;
    }

    private void standardTerms(StringBuilder out) {
        out.append("## Standard terms the graph uses · 所用标准术语\n\n");
        out.append("Classes of other vocabularies that resources of the graph are typed with:\n\n");
        out.append("| Class | Instances | Example |\n|---|---|---|\n");
        List<Resource> classes = data.listObjectsOfProperty(RDF.type).toList().stream().map(RDFNode::asResource)
                .filter(c -> !c.getURI().startsWith(RKG.NS)).sorted(Comparator.comparing(this::shortName)).toList();
        for (Resource type : classes) {
            List<Resource> instances = data.listSubjectsWithProperty(RDF.type, type).toList();
            Resource instance = first(instances);
            out.append("| ").append(shortName(type)).append(" | ").append(instances.size()).append(" | ")
                    .append(node(instance)).append(label(instance)).append(" |\n");
        }
        out.append("\n");
        out.append("Properties of other vocabularies that the graph states, with how often and one example:\n\n");
        out.append("| Property | Statements | Example |\n|---|---|---|\n");
        List<Property> properties = data.listStatements().mapWith(Statement::getPredicate).toSet().stream()
                .filter(p -> !p.getURI().startsWith(RKG.NS))
                .sorted(Comparator.comparing(this::shortName)).toList();
        for (Property property : properties) {
            List<Statement> uses = data.listStatements(null, property, (RDFNode) null).toList();
            out.append("| ").append(shortName(property)).append(" | ").append(uses.size()).append(" | ")
                    .append(triple(exampleOf(uses))).append(" |\n");
        }
    }

    /**
     * The same example on every run: the statement with the shortest subject IRI (blank subjects
     * last), then the first in order.
     */
    private Statement exampleOf(List<Statement> statements) {
        return statements.stream()
                .min(Comparator.comparing((Statement s) -> s.getSubject().isAnon())
                        .thenComparing(s -> s.getSubject().isAnon() ? 0 : s.getSubject().getURI().length())
                        .thenComparing(s -> s.getSubject().isAnon() ? "" : s.getSubject().getURI())
                        .thenComparing(s -> node(s.getObject())))
                .orElseThrow();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static Resource first(List<Resource> resources) {
        return resources.stream().min(Comparator.comparing((Resource r) -> r.getURI().length())
                .thenComparing(Resource::getURI)).orElseThrow();
    }

    private String label(Resource resource) {
        Statement label = Optional.ofNullable(resource.getProperty(RDFS.label, "zh"))
                .orElse(resource.getProperty(RDFS.label));
        return label == null ? "" : " (" + truncate(label.getString()) + ")";
    }

    private String triple(Statement statement) {
        return node(statement.getSubject()) + " " + shortName(statement.getPredicate()) + " "
                + node(statement.getObject());
    }

    /** A class, or an owl:unionOf list of classes. */
    private String classExpression(Resource expression) {
        if (expression.isAnon() && expression.hasProperty(OWL.unionOf)) {
            RDFList members = expression.getPropertyResourceValue(OWL.unionOf).as(RDFList.class);
            return members.asJavaList().stream().map(this::node).collect(Collectors.joining(" or "));
        }
        return node(expression);
    }

    private String node(RDFNode node) {
        if (node.isLiteral()) {
            return "`" + literal(node.asLiteral()).replace("|", "\\|") + "`";
        }
        if (node.isAnon()) {
            return "_(blank node)_";
        }
        String uri = node.asResource().getURI();
        if (!prefixes.shortForm(uri).equals(uri)) {
            return shortName(node.asResource());
        }
        if (uri.startsWith(iris.base())) {
            return "`<" + uri.substring(iris.base().length()) + ">`";
        }
        return shortName(node.asResource());
    }

    private String literal(Literal literal) {
        String text = "\"" + truncate(literal.getLexicalForm()) + "\"";
        if (!literal.getLanguage().isEmpty()) {
            return text + "@" + literal.getLanguage();
        }
        String datatype = literal.getDatatypeURI();
        if (Objects.equals(datatype, XSD.xstring.getURI())) {
            return text;
        }
        return text + "^^" + prefixes.shortForm(datatype);
    }

    private String shortName(Resource resource) {
        String uri = resource.getURI();
        String shortForm = prefixes.shortForm(uri);
        return "`" + (shortForm.equals(uri) ? "<" + uri + ">" : shortForm) + "`";
    }

    private static String truncate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.codePointCount(0, oneLine.length()) <= LITERAL_CHARS ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, LITERAL_CHARS)) + "…";
    }

    private static String text(Resource resource, Property property, String language) {
        Statement statement = resource.getProperty(property, language);
        return statement == null ? "—" : statement.getString();
    }

    /** GitHub's heading anchors: lower case, spaces to hyphens, most punctuation dropped. */
    private static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
