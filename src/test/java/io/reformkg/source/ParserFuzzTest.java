package io.reformkg.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.reformkg.graph.GraphBuilder;
import io.reformkg.graph.IriScheme;
import io.reformkg.graph.Ontology;
import io.reformkg.inference.Inference;
import io.reformkg.reference.Division;
import io.reformkg.reference.PilotRegion;
import io.reformkg.reference.ReferenceData;
import io.reformkg.validation.ValidationResult;
import io.reformkg.validation.Validator;
import io.reformkg.vocab.RKG;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * The source parser under Jazzer, seeded with the real list (ParserFuzzTestInputs/). Every input
 * either builds a graph that passes SHACL, or fails with a {@link SourceException} whose message
 * is "file:line: problem" — never another exception, a hang (the timeout), or a partial graph.
 *
 * <p>{@code mvn verify} runs the seeds, then fuzzes for 10 s (the {@code parser-fuzzing} execution in
 * pom.xml); docs/reliability.md has the longer runs.
 */
class ParserFuzzTest {
    private static final Path DATA = scratchData();
    private static final Path SOURCE = SourceFixture.sourceFile(DATA);
    private static final ReferenceData REFERENCE = smallReference(ReferenceData.load(SourceFixture.DATA));
    private static final Model ONTOLOGY = Ontology.load();
    private static final Validator VALIDATOR = Validator.withDefaultShapes();
    /** Far above the ~20 ms an input takes: only a loop that never ends gets here. */
    private static final Duration HANG = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "20s")
    @DictionaryFile(resourcePath = "parser.dict")
    void buildsAValidGraphOrFailsWithFileAndLine(byte[] input) {
        fuzzerTestOneInput(input);
    }

    /** The same check for Jazzer's standalone driver, which runs the longer sessions (docs/reliability.md). */
    public static void fuzzerTestOneInput(byte[] input) {
        assertTimeoutPreemptively(HANG, () -> check(input), "the build hangs");
    }

    private static void check(byte[] input) {
        SourceFixture.write(SOURCE, input);
        Dataset dataset;
        try {
            dataset = GraphBuilder.create().reference(REFERENCE).sources(SourceSet.open(DATA, REFERENCE))
                    .ontology(ONTOLOGY).build();
            Inference.materialise(dataset, IriScheme.defaults());
        } catch (SourceException error) {
            assertDocumentedForm(error, input);
            return;
        }
        ValidationResult validation = VALIDATOR.validate(dataset);
        assertEquals(List.of(), validation.violations(), "an accepted source must build a valid graph");
        Txn.executeRead(dataset, () -> {
            Model graph = dataset.getUnionModel();
            Resource list = graph.listSubjectsWithProperty(RDF.type, RKG.ReformList).next();
            assertEquals(graph.listSubjectsWithProperty(RDF.type, RKG.Measure).toList().size(),
                    list.getRequiredProperty(RKG.presentMeasureCount).getInt(), "every parsed measure is in the graph");
        });
    }

    private static void assertDocumentedForm(SourceException error, byte[] input) {
        assertEquals(SOURCE, error.file());
        long lines = 1 + new String(input, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        assertTrue(error.line() >= 0 && error.line() <= lines, "line " + error.line() + " outside the file");
        String prefix = SOURCE + (error.line() > 0 ? ":" + error.line() : "") + ": ";
        assertTrue(error.getMessage().startsWith(prefix), error.getMessage());
        assertTrue(error.getMessage().length() > prefix.length() + 10, "the problem is spelled out: " + error.getMessage());
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(error.getMessage()), "whole characters only");
    }

    private static Path scratchData() {
        try {
            Path data = Files.createTempDirectory("parser-fuzz");
            Path sources = Files.createDirectories(data.resolve("sources"));
            Files.copy(SourceFixture.DATA.resolve("sources").resolve(SourceSet.MANIFEST), sources.resolve(SourceSet.MANIFEST));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real reference data with only the divisions the pilot regions name (and the places that
     * enclose them): the same shapes apply, and each run validates in milliseconds.
     */
    private static ReferenceData smallReference(ReferenceData full) {
        Map<String, Division> byCode = full.divisions().stream().collect(Collectors.toMap(Division::code,
                Function.identity()));
        Set<String> kept = new HashSet<>();
        for (PilotRegion region : full.pilotRegions()) {
            for (String code : region.members()) {
                String at = code;
                while (at != null && kept.add(at)) {
                    at = byCode.get(at).parentCode();
                }
            }
        }
        return new ReferenceData(full.bodies(), full.bodyKinds(), full.categories(), full.nation(), full.pilotRegions(),
                full.scopes(), full.localScope(), full.divisions().stream().filter(d -> kept.contains(d.code())).toList());
    }
}
