package io.reformkg.query;

import io.reformkg.vocab.RKG;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Turns a parameter's text into the RDF term the query binds: the IRI of the category, body or
 * place the text names (looked up in the data, by IRI, identifier, code or name), or a literal.
 * Anything that names nothing, or more than one place, is an {@link InvalidParameterException}
 * that lists what the user can give instead.
 */
final class ParameterResolver {
    /** Longer text is no keyword; refusing it keeps a request from making the query scan megabytes. */
    static final int MAX_TEXT_LENGTH = 200;
    /** The value an optional IRI filter takes for "any". */
    private static final String ANY = "*";
    private static final String PLACE_HINT = "a province, city or county by name (湖北省, 合肥, 北京市东城区) or code "
            + "(3401), a pilot region by id or name (wuhan, 湖北武汉), or the nation (全国)";

    private final Model data;

    /** {@code data}: the union of the dataset's graphs; the caller holds a read transaction. */
    ParameterResolver(Model data) {
        this.data = data;
    }

    RDFNode resolve(QueryParameter parameter, String value) {
        String text = value.strip();
        if (text.isEmpty() && parameter.kind() != ParameterKind.TEXT) {
            // said plainly here rather than as "no place is named \"\"" further on
            throw new InvalidParameterException("parameter " + parameter.name() + " is empty; give a "
                    + parameter.kind().label());
        }
        return switch (parameter.kind()) {
            case IRI -> iri(parameter, text);
            case TEXT -> text(parameter, value);
            case CHOICE -> choice(parameter, text);
            case INTEGER -> integer(parameter, text);
            case CATEGORY -> single(parameter, text, categories(), "categories");
            case BODY -> single(parameter, text, bodies(), "bodies");
            case PLACE -> place(parameter, text);
        };
    }

    private Literal text(QueryParameter parameter, String value) {
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidParameterException("parameter " + parameter.name() + " takes at most "
                    + MAX_TEXT_LENGTH + " characters, found " + value.length());
        }
        return data.createLiteral(value);
    }

    /** One of the values the query's header lists for the parameter. */
    private Literal choice(QueryParameter parameter, String text) {
        if (!parameter.choices().contains(text)) {
            throw new InvalidParameterException("parameter " + parameter.name() + " takes one of "
                    + String.join(", ", parameter.choices()) + "; found \"" + abbreviated(text) + "\"");
        }
        return data.createLiteral(text);
    }

    /**
     * The IRI's text, when something in the data has it: a query that turns an unknown text into
     * an IRI would leave its filter unbound and answer every row.
     */
    private Literal iri(QueryParameter parameter, String text) {
        if (text.equals(ANY) && ANY.equals(parameter.defaultValue())) {
            return data.createLiteral(ANY);
        }
        if (text.length() > MAX_TEXT_LENGTH || text.codePoints().anyMatch(c -> c <= ' ' || "<>\"{}|^`\\".indexOf(c) >= 0)
                || !data.contains(data.createResource(text), null, (RDFNode) null)) {
            String shown = text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) + "…" : text;
            throw new InvalidParameterException("parameter " + parameter.name() + ": nothing in the data has the IRI \""
                    + shown + "\"; give " + english(parameter.description()) + ", e.g. " + example(parameter));
        }
        return data.createLiteral(text);
    }

    /** A value as a message quotes it: cut at the longest text a parameter takes. */
    private static String abbreviated(String text) {
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) + "…" : text;
    }

    /** The English half of a "中文 / English" description. */
    private static String english(String description) {
        int slash = description.lastIndexOf(" / ");
        return slash < 0 ? description : description.substring(slash + 3);
    }

    private static String example(QueryParameter parameter) {
        return ANY.equals(parameter.defaultValue()) ? "*" : parameter.defaultValue();
    }

    private Literal integer(QueryParameter parameter, String text) {
        try {
            return data.createTypedLiteral(String.valueOf(Long.parseLong(text)), XSDDatatype.XSDinteger);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter " + parameter.name() + " takes a whole number, found \""
                    + text + "\"");
        }
    }

    private Resource single(QueryParameter parameter, String text, List<Resource> candidates, String plural) {
        List<Resource> matches = candidates.stream().filter(names(text)).toList();
        if (matches.isEmpty()) {
            throw new InvalidParameterException("parameter " + parameter.name() + ": no " + parameter.kind().label()
                    + " is named \"" + text + "\"; the " + plural + " are: " + describe(candidates));
        }
        return unique(parameter, text, matches);
    }

    /** A division by name or code; failing that a pilot region or the nation (上海 is the city, not the region). */
    private Resource place(QueryParameter parameter, String text) {
        List<Resource> divisions = ofTypes(RKG.Province, RKG.PrefectureCity, RKG.County).stream()
                .filter(names(text)).toList();
        if (!divisions.isEmpty()) {
            return unique(parameter, text, divisions);
        }
        List<Resource> regions = ofTypes(RKG.PilotRegion, RKG.Nation).stream().filter(names(text)).toList();
        if (regions.isEmpty()) {
            throw new InvalidParameterException("parameter " + parameter.name() + ": no place is named \"" + text
                    + "\"; give " + PLACE_HINT);
        }
        return unique(parameter, text, regions);
    }

    private static Resource unique(QueryParameter parameter, String text, List<Resource> matches) {
        if (matches.size() > 1) {
            throw new InvalidParameterException("parameter " + parameter.name() + ": \"" + text + "\" names "
                    + matches.size() + " " + parameter.kind().label() + "s: " + describe(matches)
                    + "; give the code or the qualified name");
        }
        return matches.get(0);
    }

    /** Does a resource answer to this text: its IRI, identifier or code, or one of its names? */
    private static Predicate<Resource> names(String text) {
        return resource -> resource.getURI().equals(text)
                || values(resource, SKOS.notation).anyMatch(text::equalsIgnoreCase)
                || values(resource, RKG.listName).anyMatch(text::equals)
                || values(resource, RDFS.label).anyMatch(text::equalsIgnoreCase)
                || values(resource, SKOS.prefLabel).anyMatch(text::equalsIgnoreCase)
                || values(resource, SKOS.altLabel).anyMatch(text::equals);
    }

    private static Stream<String> values(Resource resource, Property property) {
        return resource.listProperties(property).toList().stream()
                .map(Statement::getObject).filter(RDFNode::isLiteral).map(node -> node.asLiteral().getLexicalForm());
    }

    /** "id (name)" for each resource. */
    private static String describe(List<Resource> resources) {
        return resources.stream().map(resource -> {
            String id = values(resource, SKOS.notation).findFirst().orElse(resource.getURI());
            String name = values(resource, RKG.listName).findFirst()
                    .or(() -> Stream.concat(values(resource, SKOS.altLabel), zhLabel(resource).stream())
                            .max(Comparator.comparingInt(String::length))).orElse("");
            return name.isEmpty() ? id : id + " (" + name + ")";
        }).collect(Collectors.joining(", "));
    }

    private static Optional<String> zhLabel(Resource resource) {
        return resource.listProperties(RDFS.label).toList().stream().map(Statement::getLiteral)
                .filter(label -> label.getLanguage().toLowerCase(Locale.ROOT).startsWith("zh"))
                .map(Literal::getLexicalForm).findFirst();
    }

    private List<Resource> categories() {
        return sorted(data.listSubjectsWithProperty(SKOS.inScheme, RKG.CategoryScheme).toSet());
    }

    private List<Resource> bodies() {
        return ofTypes(ORG.FormalOrganization);
    }

    private List<Resource> ofTypes(Resource... types) {
        Set<Resource> resources = new LinkedHashSet<>();
        for (Resource type : types) {
            resources.addAll(data.listSubjectsWithProperty(RDF.type, type).toSet());
        }
        return sorted(resources);
    }

    private static List<Resource> sorted(Set<Resource> resources) {
        return resources.stream().filter(Resource::isURIResource).sorted(Comparator.comparing(Resource::getURI)).toList();
    }
}
