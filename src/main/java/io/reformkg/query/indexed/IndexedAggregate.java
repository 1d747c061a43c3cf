package io.reformkg.query.indexed;

import io.reformkg.search.MeasureIndex.Guidance;
import io.reformkg.search.MeasureIndex.IndexedMeasure;
import io.reformkg.search.MeasureIndex;
import io.reformkg.vocab.RKG;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The counts a query's header names with {@code # measure-index: NAME}, computed over a store's
 * {@link MeasureIndex}: one pass over a few numbers per measure, where the SPARQL joins millions
 * of triples. Each gives exactly the rows of its query's SPARQL, the definition; names come from
 * the graph, as the SPARQL reads them.
 */
public enum IndexedAggregate {
    /** {@code cq2-measures-per-body}: each body's measures, most first, ties in order of first mention. */
    MEASURES_PER_BODY("measures-per-body", List.of("body", "measures", "numbers"), List.of()) {
        @Override
        public List<Map<String, Object>> rows(MeasureIndex index, Model data, Map<String, RDFNode> bound, String language) {
            Map<String, Tally> tallies = new HashMap<>();
            Map<String, Long> firstMentions = new HashMap<>();
            index.scan(Optional.empty(), measure -> {
                for (Guidance place : measure.guidance()) {
                    tallies.computeIfAbsent(place.body(), body -> new Tally()).add(measure.number());
                }
                firstMentions(measure, firstMentions);
                return true;
            });
            Names bodies = Names.ofBodies(data, language);
            List<Ranked> ranked = new ArrayList<>();
            tallies.forEach((body, tally) -> bodies.of(body).ifPresent(name -> ranked.add(new Ranked(
                    tally.count, firstMentions.get(body), name, row("body", name, "measures", tally.count,
                    "numbers", tally.numbers.toString())))));
            return Ranked.inOrder(ranked);
        }
    },
    /**
     * {@code cq6-categories-per-body}: how many categories each body's measures span, most first,
     * ties in order of first mention; a category counts once per section number it appears under.
     */
    CATEGORIES_PER_BODY("categories-per-body", List.of("body", "categories", "names"), List.of()) {
        @Override
        public List<Map<String, Object>> rows(MeasureIndex index, Model data, Map<String, RDFNode> bound, String language) {
            Names categoryNames = Names.ofConcepts(data, language);
            // each body's categories as (section, category) pairs; the category by its place in
            // the list of categories met, so that a million measures add small numbers to sets
            List<String> categories = new ArrayList<>();
            Map<String, Integer> categoryPlaces = new HashMap<>();
            Map<String, Set<Long>> spans = new HashMap<>();
            Map<String, Long> firstMentions = new HashMap<>();
            index.scan(Optional.empty(), measure -> {
                int place = categoryPlaces.computeIfAbsent(measure.category(), category -> {
                    categories.add(category);
                    return categories.size() - 1;
                });
                long sectionCategory = measure.section() * MAX_CATEGORIES + place;
                for (Guidance guidance : measure.guidance()) {
                    spans.computeIfAbsent(guidance.body(), body -> new HashSet<>()).add(sectionCategory);
                }
                firstMentions(measure, firstMentions);
                return true;
            });
            Names bodies = Names.ofBodies(data, language);
            List<Ranked> ranked = new ArrayList<>();
            spans.forEach((body, pairs) -> bodies.of(body).ifPresent(name -> {
                List<String> names = pairs.stream().flatMap(pair -> categoryNames.of(categories.get(
                        (int) (pair % MAX_CATEGORIES))).map(categoryName -> new SectionCategory(
                        pair / MAX_CATEGORIES, categoryName, categories.get((int) (pair % MAX_CATEGORIES)))).stream())
                        .sorted().map(SectionCategory::name).toList();
                if (!names.isEmpty()) {
                    ranked.add(new Ranked(names.size(), firstMentions.get(body), name, row("body", name,
                            "categories", (long) names.size(), "names", String.join(", ", names))));
                }
            }));
            return Ranked.inOrder(ranked);
        }
    },
    /**
     * {@code cq1-co-guidance-pairs}: the pairs of bodies that guide a category's measures together
     * (the one whose name sorts first as {@code bodyA}), most shared measures first, then by name.
     */
    CO_GUIDANCE_PAIRS("co-guidance-pairs", List.of("bodyA", "bodyB", "measures", "numbers"), List.of("category")) {
        @Override
        public List<Map<String, Object>> rows(MeasureIndex index, Model data, Map<String, RDFNode> bound, String language) {
            Names bodies = Names.ofBodies(data, language);
            Map<List<String>, Tally> pairs = new HashMap<>();
            MeasureIndex.Filter category = new MeasureIndex.Filter(MeasureIndex.Field.CATEGORY,
                    Set.of(bound.get("category").asResource().getURI()));
            index.scan(Optional.of(category), measure -> {
                List<String> names = measure.bodies().stream().map(bodies::of).flatMap(Optional::stream).toList();
                for (String first : names) {
                    for (String second : names) {
                        if (first.compareTo(second) < 0) {
                            pairs.computeIfAbsent(List.of(first, second), pair -> new Tally()).add(measure.number());
                        }
                    }
                }
                return true;
            });
            return pairs.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<List<String>, Tally> pair) -> -pair.getValue().count)
                            .thenComparing(pair -> pair.getKey().get(0)).thenComparing(pair -> pair.getKey().get(1)))
                    .map(pair -> row("bodyA", pair.getKey().get(0), "bodyB", pair.getKey().get(1),
                            "measures", pair.getValue().count, "numbers", pair.getValue().numbers.toString()))
                    .toList();
        }
    };

    /** More categories than any scheme holds: a section number and a category's place share one long. */
    private static final long MAX_CATEGORIES = 1L << 20;

    private static final String ENGLISH = "en";

    private final String label;
    private final List<String> columns;
    private final List<String> parameters;

    IndexedAggregate(String label, List<String> columns, List<String> parameters) {
        this.label = label;
        this.columns = columns;
        this.parameters = parameters;
    }

    /** The answer's rows, in the query's order; names in {@code language}, zh or en. */
    public abstract List<Map<String, Object>> rows(MeasureIndex index, Model data, Map<String, RDFNode> bound,
                                            String language);

    public String label() {
        return label;
    }

    /** The columns of the query it answers, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The parameters of the query it answers, in order. */
    public List<String> parameters() {
        return parameters;
    }

    public static Optional<IndexedAggregate> named(String label) {
        return Arrays.stream(values()).filter(aggregate -> aggregate.label.equals(label)).findFirst();
    }

    /** Keeps each body's first mention: the least measure number × 100 + its place among the bodies. */
    private static void firstMentions(IndexedMeasure measure, Map<String, Long> firstMentions) {
        for (Guidance place : measure.guidance()) {
            firstMentions.merge(place.body(), measure.number() * 100 + place.position(), Math::min);
        }
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** Measures counted, with their numbers in list order as {@code GROUP_CONCAT} joins them. */
    private static final class Tally {
        private long count;
        private final StringBuilder numbers = new StringBuilder();

        void add(long number) {
            if (count++ > 0) {
                numbers.append(", ");
            }
            numbers.append(number);
        }
    }

    /** A category under a section number, ordered as the SPARQL orders them: section, then name. */
    private record SectionCategory(long section, String name, String category) implements Comparable<SectionCategory> {
        private static final Comparator<SectionCategory> ORDER = Comparator.comparingLong(SectionCategory::section)
                .thenComparing(SectionCategory::name).thenComparing(SectionCategory::category);

        @Override
        public int compareTo(SectionCategory other) {
            return ORDER.compare(this, other);
        }
    }

    /** A body's row with what orders it: the count (most first), its first mention, its name. */
    private record Ranked(long count, long firstMention, String name, Map<String, Object> row) {
        static List<Map<String, Object>> inOrder(List<Ranked> ranked) {
            return ranked.stream().sorted(Comparator.comparingLong((Ranked body) -> -body.count)
                    .thenComparingLong(Ranked::firstMention).thenComparing(Ranked::name)).map(Ranked::row).toList();
        }
    }

    /**
     * Names as the queries read them: a body by its list name ({@code rkg:listName}) or, in
     * English, its English label, and only when it has both; a concept by its label in the language.
     */
    private static final class Names {
        private final Map<String, Optional<String>> byIri = new HashMap<>();
        private final Function<Resource, Optional<String>> lookup;
        private final Model data;

        private Names(Model data, Function<Resource, Optional<String>> lookup) {
            this.data = data;
            this.lookup = lookup;
        }

        static Names ofBodies(Model data, String language) {
            return new Names(data, body -> {
                Optional<String> english = label(body, RDFS.label, "en");
                Statement listName = body.getProperty(RKG.listName);
                if (english.isEmpty() || listName == null) {
                    return Optional.empty();
                }
                return ENGLISH.equals(language) ? english : Optional.of(listName.getString());
            });
        }

        static Names ofConcepts(Model data, String language) {
            return new Names(data, concept -> label(concept, SKOS.prefLabel, language));
        }

        private static Optional<String> label(Resource resource, Property property,
                                              String language) {
            return resource.listProperties(property).toList().stream().map(Statement::getLiteral)
                    .filter(literal -> literal.getLanguage().equals(language)).map(literal -> literal.getString())
                    .findFirst();
        }

        Optional<String> of(String iri) {
            return byIri.computeIfAbsent(iri, key -> lookup.apply(data.getResource(key)));
        }
    }
}
