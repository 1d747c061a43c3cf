package io.reformkg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/iri-scheme.md shows, for every kind of IRI, exactly what {@link IriScheme} mints. */
class IriSchemeDocTest {
    private static final IriScheme IRIS = IriScheme.defaults();
    /** One documented example per IRI-minting method. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("list", IRIS.list(3)),
            Map.entry("section", IRIS.section(3, 5)),
            Map.entry("measure", IRIS.measure(3, 12)),
            Map.entry("guidance", IRIS.guidance(3, 1, 1)),
            Map.entry("source", IRIS.source(3)),
            Map.entry("category", IRIS.category("tech-finance")),
            Map.entry("scope", IRIS.scope("pilot-regions")),
            Map.entry("divisionScope", IRIS.divisionScope("local", List.of("3401", "3402"))),
            Map.entry("body", IRIS.body("MOST")),
            Map.entry("bodyKind", IRIS.bodyKind("component-department")),
            Map.entry("changeEvent", IRIS.changeEvent("CBIRC")),
            Map.entry("region", IRIS.region("wuhan")),
            Map.entry("division", IRIS.division("3401")),
            Map.entry("coGuidance", IRIS.coGuidance("PBOC", "CBIRC")),
            Map.entry("dataset", IRIS.dataset()),
            Map.entry("sourceGraph", IRIS.sourceGraph(3)),
            Map.entry("referenceGraph", IRIS.referenceGraph()),
            Map.entry("ontologyGraph", IRIS.ontologyGraph()),
            Map.entry("inferredGraph", IRIS.inferredGraph()));

    @Test
    void everyKindOfIriIsDocumentedWithItsExample() throws IOException {
        String doc = Files.readString(Path.of("docs", "iri-scheme.md"), StandardCharsets.UTF_8);
        Set<String> minting = Arrays.stream(IriScheme.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == String.class && !Set.of("base", "toString").contains(m.getName()))
                .map(Method::getName).collect(Collectors.toSet());
        assertEquals(minting, EXAMPLES.keySet(), "a new kind of IRI needs a row in docs/iri-scheme.md and here");
        EXAMPLES.forEach((kind, iri) -> assertTrue(doc.contains("`" + iri + "`"), kind + ": " + iri + " not in the doc"));
    }

    @Test
    void examplesAreTheDocumentedStrings() {
        assertEquals("https://w3id.org/reform-kg/list/3/measure/1/guidance/1", EXAMPLES.get("guidance"));
        assertEquals("https://w3id.org/reform-kg/coguidance/CBIRC-PBOC", IRIS.coGuidance("CBIRC", "PBOC"));
        assertEquals("https://w3id.org/reform-kg/event/CBIRC-reorganisation", EXAMPLES.get("changeEvent"));
    }

    @Test
    void theBaseIsConfigurableAndChecked() {
        assertEquals("https://kg.example.org/reform/list/3/measure/12",
                new IriScheme("https://kg.example.org/reform/").measure(3, 12));
        for (String bad : new String[] {"https://kg.example.org/reform", "/relative/", "https://kg.example.org/?q=1/"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new IriScheme(bad));
            assertEquals("the IRI base must be an absolute http(s) IRI ending in \"/\" with no query or fragment, "
                    + "for example https://w3id.org/reform-kg/; found \"" + bad + "\"", error.getMessage());
        }
    }
}
