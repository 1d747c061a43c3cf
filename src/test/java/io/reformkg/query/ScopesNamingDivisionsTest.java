package io.reformkg.query;

import static io.reformkg.query.NamedQueriesTest.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import io.reformkg.testing.DataFolders;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * City- and county-level scopes, on {@link DataFolders#copyWithScopesNamingDivisions}: measure 12
 * promoted in 合肥、芜湖市, measure 16 in 北京市东城区、东莞市.
 */
class ScopesNamingDivisionsTest {
    private static final List<Integer> NATIONWIDE = List.of(1, 2, 5, 6, 8, 9, 10, 11, 13);
    private static final List<Integer> PILOT = List.of(3, 4, 7, 14, 15);

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static QueryRunner runner;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(DataFolders.copyWithScopesNamingDivisions(dir)).build();
        runner = QueryRunner.over(store.dataset(), QueryCatalog.load());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<String> run(String name, Map<String, String> parameters, Language language) {
        return lines(runner.run(name, parameters, language));
    }

    private static List<Object> numbers(String name, Map<String, String> parameters) {
        return runner.run(name, parameters, Language.ZH).column("number");
    }

    private static List<Object> sorted(List<Integer> a, List<Integer> b, int... more) {
        return IntStream.concat(IntStream.concat(a.stream().mapToInt(i -> i), b.stream().mapToInt(i -> i)),
                IntStream.of(more)).sorted().mapToObj(i -> (Object) (long) i).toList();
    }

    @Test
    void eachSetOfDivisionsIsANarrowerScopeOfNamedAreasCoveringThoseDivisions() {
        assertTrue(store.validation().conforms(), store.validation().toString());
        String base = "https://w3id.org/reform-kg/";
        Txn.executeRead(store.dataset(), () -> {
            Model model = store.dataset().getUnionModel();
            Resource hefeiWuhu = model.createResource(base + "scope/local/3401-3402");
            assertEquals(hefeiWuhu, model.createResource(base + "list/3/measure/12")
                    .getPropertyResourceValue(RKG.promotionScope));
            assertEquals(List.of("Named areas: 合肥市、芜湖市", "指定地区：合肥市、芜湖市"),
                    model.listObjectsOfProperty(hefeiWuhu, SKOS.prefLabel).mapWith(node -> node.asLiteral()
                            .getLexicalForm()).toList().stream().sorted().toList());
            assertEquals(List.of(base + "division/3401", base + "division/3402"),
                    model.listObjectsOfProperty(hefeiWuhu, RKG.coversRegion).mapWith(node -> node.asResource()
                            .getURI()).toList().stream().sorted().toList());
            assertEquals(base + "scope/local", hefeiWuhu.getPropertyResourceValue(SKOS.broader).getURI());
            assertEquals("local/110101-4419", model.createResource(base + "scope/local/110101-4419")
                    .getProperty(SKOS.notation).getString());
            assertEquals(List.of(base + "division/3401", base + "division/3402"),
                    model.listObjectsOfProperty(model.createResource(base + "list/3/measure/12"), RKG.promotedIn)
                            .mapWith(node -> node.asResource().getURI()).toList().stream().sorted().toList());
        });
    }

    @Test
    void aMeasureNamingACityAppliesThereAndInItsDistrictsOnly() {
        List<Object> inHefei = sorted(NATIONWIDE, PILOT, 12);
        assertEquals(inHefei, numbers("measures-in-place", Map.of("placeName", "合肥")));
        assertEquals(inHefei, numbers("measures-in-place", Map.of("placeName", "芜湖")));
        assertEquals(inHefei, numbers("measures-in-place", Map.of("placeName", "合肥市蜀山区")));
        assertEquals(sorted(NATIONWIDE, List.of()), numbers("measures-in-place", Map.of("placeName", "黄山")));
        assertEquals(sorted(NATIONWIDE, List.of()), numbers("measures-in-place", Map.of("placeName", "安徽省")));
        // a county: 16 applies in 东城区, not in the rest of Beijing
        assertEquals(sorted(NATIONWIDE, PILOT, 16), numbers("measures-in-place", Map.of("placeName", "北京市东城区")));
        assertEquals(sorted(NATIONWIDE, PILOT), numbers("measures-in-place", Map.of("placeName", "北京市西城区")));
        assertEquals(sorted(NATIONWIDE, PILOT), numbers("measures-in-place", Map.of("placeName", "北京")));
        // 东莞市, named by the list, is also a member of the Pearl River Delta pilot region
        assertEquals(sorted(NATIONWIDE, PILOT, 16), numbers("measures-in-place", Map.of("placeName", "东莞")));
    }

    @Test
    void cq8SaysThroughWhichRegionEachMeasureApplies() {
        List<String> hefei = run("cq8-measures-in-place", Map.of("place", "合肥"), Language.ZH);
        assertEquals(15, hefei.size());
        String[] twelve = hefei.get(11).split("\\|");
        assertEquals(List.of("12", "指定地区：合肥市、芜湖市", "合肥市"), List.of(twelve[0], twelve[2], twelve[3]));
        assertTrue(hefei.get(2).endsWith("|8个全面创新改革试验区域|安徽（合芜蚌）"), hefei.get(2));
        assertTrue(hefei.get(0).endsWith("|全国|全国"), hefei.get(0));
        // divisions have no English names: the Chinese one stands
        String inEnglish = run("cq8-measures-in-place", Map.of("place", "3401"), Language.EN).get(11);
        assertTrue(inEnglish.endsWith("|Named areas: 合肥市、芜湖市|合肥市"), inEnglish);
    }

    @Test
    void pilotOnlyMeasuresLeaveOutScopesNamingDivisions() {
        assertEquals(sorted(PILOT, List.of()), numbers("cq3-pilot-only-measures", Map.of()));
    }

    @Test
    void dashboardFacetsAndCountsShowNamedAreasAsOneScope() {
        String scope = "https://w3id.org/reform-kg/scope/";
        assertEquals(List.of("scope|" + scope + "local|指定地区|Named areas||2",
                        "scope|" + scope + "nationwide|全国|Nationwide||9",
                        "scope|" + scope + "pilot-regions|8个全面创新改革试验区域|The 8 comprehensive innovation reform pilot regions||5"),
                run("explorer-dashboard", Map.of(), Language.ZH).stream().filter(line -> line.startsWith("scope|"))
                        .sorted().toList());
        assertEquals(List.of(scope + "local", scope + "nationwide", scope + "pilot-regions"),
                run("explorer-facets", Map.of(), Language.ZH).stream().filter(line -> line.startsWith("scope|"))
                        .map(line -> line.split("\\|")[1]).sorted().toList());
        assertEquals(List.of(scope + "local|2", scope + "nationwide|9", scope + "pilot-regions|5"),
                run("explorer-search-counts", Map.of("facet", "scope"), Language.ZH));
        assertEquals(List.of(12L, 16L), numbers("explorer-search", Map.of("scope", scope + "local")));
        assertEquals(List.of(scope + "local"), runner.run("explorer-search", Map.of("scope", scope + "local"),
                Language.ZH).column("measureScope").stream().distinct().map(Object::toString).toList());
    }

    @Test
    void placeCountsCountAMeasureWhereItsNamedDivisionsAre() {
        String division = "https://w3id.org/reform-kg/division/";
        Map<String, String> counts = new HashMap<>();
        run("explorer-place-counts", Map.of(), Language.ZH).forEach(line -> counts.put(line.split("\\|")[0],
                line.split("\\|")[1]));
        assertEquals("15", counts.get(division + "3401"));
        assertEquals("15", counts.get(division + "3402"));
        assertEquals("9", counts.get(division + "3410"));
        assertEquals("9", counts.get(division + "34"));
        assertEquals("14", counts.get(division + "11"));
        assertEquals("15", counts.get(division + "4419"));
    }

    @Test
    void measuresPerCategoryAndScopeHaveARowForNamedAreas() {
        assertEquals(List.of(
                "科技金融创新|指定地区|0|",
                "科技金融创新|全国|4|1, 2, 5, 6",
                "科技金融创新|8个全面创新改革试验区域|3|3, 4, 7",
                "科技管理体制创新|指定地区|1|12",
                "科技管理体制创新|全国|5|8, 9, 10, 11, 13",
                "科技管理体制创新|8个全面创新改革试验区域|0|",
                "知识产权保护|指定地区|0|",
                "知识产权保护|全国|0|",
                "知识产权保护|8个全面创新改革试验区域|2|14, 15",
                "人才培养和激励|指定地区|1|16",
                "人才培养和激励|全国|0|",
                "人才培养和激励|8个全面创新改革试验区域|0|",
                "军民深度融合|指定地区|0|",
                "军民深度融合|全国|0|",
                "军民深度融合|8个全面创新改革试验区域|0|"),
                run("measures-by-category-and-scope", Map.of(), Language.ZH));
    }

    @Test
    void aMeasuresPlacesAreTheDivisionsItsScopeNames() {
        assertEquals(List.of("https://w3id.org/reform-kg/division/110101|东城区|东城区|",
                        "https://w3id.org/reform-kg/division/4419|东莞市|东莞市|"),
                run("explorer-measure-places", Map.of("measure", "https://w3id.org/reform-kg/list/3/measure/16"),
                        Language.ZH));
    }
}
