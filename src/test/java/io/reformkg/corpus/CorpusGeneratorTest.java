package io.reformkg.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.reference.ReferenceData;
import io.reformkg.source.ParsedList;
import io.reformkg.source.ParsedMeasure;
import io.reformkg.source.ParsedScope;
import io.reformkg.source.SourceSet;
import io.reformkg.store.GraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatedCorpusParsesWithTheRealPipeline() {
        Path out = dir.resolve("corpus");
        int lists = CorpusGenerator.create().measures(1_234).seed(7).measuresPerList(500).build().writeTo(out);
        assertEquals(3, lists);
        List<ParsedList> parsed = new ArrayList<>();
        SourceSet.open(out, ReferenceData.load(out)).forEach(parsed::add);
        assertEquals(List.of(500L, 500L, 234L), parsed.stream().map(l -> l.measures().count()).toList());
        List<ParsedMeasure> measures = parsed.stream().flatMap(ParsedList::measures).toList();
        assertTrue(measures.stream().allMatch(m -> m.guidingBodies().size() >= 1 && m.guidingBodies().size() <= 6));
        Set<Integer> bodyCounts = measures.stream().map(m -> m.guidingBodies().size()).collect(Collectors.toSet());
        assertTrue(bodyCounts.size() >= 4, "body counts spread over 1..6: " + bodyCounts);
        Set<String> knownScopes = measures.stream().map(ParsedMeasure::scope).filter(scope -> !scope.namesDivisions())
                .map(ParsedScope::text).collect(Collectors.toSet());
        assertEquals(Set.of("全国", "8个改革试验区域"), knownScopes);
        // city-level scopes: one to three prefecture cities (4-digit codes), about a tenth of the measures
        List<ParsedScope> cityScopes = measures.stream().map(ParsedMeasure::scope).filter(ParsedScope::namesDivisions)
                .toList();
        assertTrue(cityScopes.size() > 60 && cityScopes.size() < 190, "city-level scopes: " + cityScopes.size());
        assertTrue(cityScopes.stream().allMatch(scope -> scope.divisionCodes().size() <= 3
                && scope.divisionCodes().stream().allMatch(code -> code.matches("\\d{4}"))), cityScopes.toString());
        assertEquals(Set.of(1, 2, 3), cityScopes.stream().map(scope -> scope.divisionCodes().size())
                .collect(Collectors.toSet()));
        try (GraphStore store = GraphStore.create().data(out).build()) {
            assertTrue(store.validation().conforms());
        }
    }

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedDiffers() throws IOException {
        CorpusGenerator.create().measures(40).seed(3).build().writeTo(dir.resolve("a"));
        CorpusGenerator.create().measures(40).seed(3).build().writeTo(dir.resolve("b"));
        CorpusGenerator.create().measures(40).seed(4).build().writeTo(dir.resolve("c"));
        byte[] a = Files.readAllBytes(dir.resolve("a/sources/synthetic-batch-00001.txt"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/sources/synthetic-batch-00001.txt")));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c/sources/synthetic-batch-00001.txt"))));
    }
}
