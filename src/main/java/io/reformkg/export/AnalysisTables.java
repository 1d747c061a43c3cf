package io.reformkg.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;

/**
 * The graph as flat records for analysis tools: measures with their category, scope and
 * ordered guiding bodies, the guiding bodies, and the co-guidance network between bodies.
 * Read from the asserted data with the queries in {@code export/*.rq}.
 */
public record AnalysisTables(List<MeasureRecord> measures, List<BodyRecord> bodies, List<CoGuidanceEdge> coGuidance) {

    /** A term with its identifier, IRI and Chinese and English names (a category or a scope). */
    public record Term(String id, String iri, String zh, String en) {
    }

    /** One guiding body of a measure, at its position in the list's order (1 = lead body). */
    public record Guidance(String body, int position) {
    }

    public record MeasureRecord(String iri, int batch, int number, String title, String content, int section,
                                Term category, Term scope, List<Guidance> bodies, int sourceLine) {
    }

    public record BodyRecord(String id, String iri, String nameZh, String nameEn, String listName,
                             int measureCount, int leadCount) {
    }

    /** Two bodies that guide {@code weight} measures together; ids in alphabetical order. */
    public record CoGuidanceEdge(String bodyA, String bodyB, int weight, List<String> measures) {
    }

    public AnalysisTables {
        measures = List.copyOf(measures);
        bodies = List.copyOf(bodies);
        coGuidance = List.copyOf(coGuidance);
    }

    public static AnalysisTables read(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> {
            Model union = dataset.getUnionModel();
            Map<String, List<Guidance>> guidance = new HashMap<>();
            for (QuerySolution row : select("guidance", union)) {
                guidance.computeIfAbsent(row.getResource("measure").getURI(), key -> new ArrayList<>())
                        .add(new Guidance(row.getLiteral("bodyId").getString(), row.getLiteral("position").getInt()));
            }
            List<MeasureRecord> measures = new ArrayList<>();
            for (QuerySolution row : select("measures", union)) {
                String iri = row.getResource("measure").getURI();
                measures.add(new MeasureRecord(iri, row.getLiteral("batch").getInt(),
                        row.getLiteral("number").getInt(), row.getLiteral("title").getString(),
                        row.getLiteral("content").getString(), row.getLiteral("sectionNumber").getInt(),
                        term(row, "category"), term(row, "scope"), List.copyOf(guidance.getOrDefault(iri, List.of())),
                        row.getLiteral("line").getInt()));
            }
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (MeasureRecord measure : measures) {
                for (Guidance link : measure.bodies()) {
                    int[] count = counts.computeIfAbsent(link.body(), key -> new int[2]);
                    count[0]++;
                    if (link.position() == 1) {
                        count[1]++;
                    }
                }
            }
            List<BodyRecord> bodies = new ArrayList<>();
            for (QuerySolution row : select("bodies", union)) {
                String id = row.getLiteral("id").getString();
                int[] count = counts.getOrDefault(id, new int[2]);
                bodies.add(new BodyRecord(id, row.getResource("body").getURI(), row.getLiteral("nameZh").getString(),
                        row.getLiteral("nameEn").getString(), row.getLiteral("listName").getString(),
                        count[0], count[1]));
            }
            List<CoGuidanceEdge> edges = new ArrayList<>();
            for (QuerySolution row : select("co-guidance", union)) {
                edges.add(new CoGuidanceEdge(row.getLiteral("bodyA").getString(), row.getLiteral("bodyB").getString(),
                        row.getLiteral("weight").getInt(),
                        Arrays.stream(row.getLiteral("measures").getString().split(" ")).sorted(
                                AnalysisTables::byMeasureNumber).toList()));
            }
            return new AnalysisTables(measures, bodies, edges);
        });
    }

    /** Measure IRIs end in their number; order them numerically. */
    private static int byMeasureNumber(String a, String b) {
        int byLength = Integer.compare(a.length(), b.length());
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static Term term(QuerySolution row, String name) {
        return new Term(row.getLiteral(name + "Id").getString(), row.getResource(name).getURI(),
                row.getLiteral(name + "Zh").getString(), row.getLiteral(name + "En").getString());
    }

    private static List<QuerySolution> select(String name, Model model) {
        String resource = "export/" + name + ".rq";
        String text;
        try (InputStream in = AnalysisTables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild it with mvn package");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.model(model).query(text).build()) {
            execution.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }
}
