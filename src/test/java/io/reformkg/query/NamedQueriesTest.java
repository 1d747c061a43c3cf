package io.reformkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.store.GraphStore;
import io.reformkg.vocab.RKG;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every named query's exact answer on the batch-3 source; the competency questions' answers are
 * those of shared/competency-questions.md. Rows are compared as "cell|cell|..." lines, in order.
 */
class NamedQueriesTest {
    private static GraphStore store;
    private static QueryRunner runner;

    @BeforeAll
    static void build() {
        store = GraphStore.create().data(Path.of("data")).build();
        runner = QueryRunner.over(store.dataset(), QueryCatalog.load());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<String> lines(QueryResult result) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            lines.add(String.join("|", result.columns().stream()
                    .map(column -> row.get(column) == null ? "" : row.get(column).toString()).toList()));
        }
        return lines;
    }

    private static List<String> run(String name, Map<String, String> parameters) {
        return lines(runner.run(name, parameters, Language.ZH));
    }

    private static List<String> run(String name) {
        return run(name, Map.of());
    }

    private static List<Object> numbers(String name, Map<String, String> parameters) {
        return runner.run(name, parameters, Language.ZH).column("number");
    }

    @Test
    void cq1TechFinancePairsAreTheTenOfTheCompetencyQuestion() {
        assertEquals(List.of(
                "人民银行|银保监会|5|1, 3, 4, 5, 6",
                "科技部|银保监会|4|1, 3, 6, 7",
                "人民银行|科技部|3|1, 3, 6",
                "人民银行|财政部|2|3, 4",
                "科技部|财政部|2|2, 3",
                "财政部|银保监会|2|3, 4",
                "人民银行|发展改革委|1|5",
                "发展改革委|科技部|1|2",
                "发展改革委|财政部|1|2",
                "发展改革委|银保监会|1|5"), run("cq1-co-guidance-pairs"));
    }

    @Test
    void cq1TakesTheCategoryByIdNameEnglishNameOrIri() {
        List<String> ipPairs = List.of("司法部|知识产权局|1|15", "最高人民法院|知识产权局|1|14");
        assertEquals(ipPairs, run("cq1-co-guidance-pairs", Map.of("category", "ip-protection")));
        assertEquals(ipPairs, run("cq1-co-guidance-pairs", Map.of("category", "知识产权保护")));
        assertEquals(ipPairs, run("cq1-co-guidance-pairs", Map.of("category", "Intellectual property protection")));
        assertEquals(ipPairs, run("cq1-co-guidance-pairs",
                Map.of("category", store.iris().category("ip-protection"))));
        assertEquals(List.of(), run("cq1-co-guidance-pairs", Map.of("category", "civil-military")));
    }

    @Test
    void cq1InEnglishNamesTheBodiesInEnglish() {
        List<String> pairs = lines(runner.run("cq1-co-guidance-pairs", Map.of("category", "ip-protection"), Language.EN));
        assertEquals(List.of(
                "China National Intellectual Property Administration|Ministry of Justice|1|15",
                "China National Intellectual Property Administration|Supreme People's Court|1|14"), pairs);
    }

    @Test
    void cq2MeasuresPerBody() {
        assertEquals(List.of(
                "科技部|9|1, 2, 3, 6, 7, 8, 9, 10, 13",
                "银保监会|6|1, 3, 4, 5, 6, 7",
                "人民银行|6|1, 3, 4, 5, 6, 11",
                "财政部|6|2, 3, 4, 9, 11, 16",
                "发展改革委|6|2, 5, 8, 10, 13, 16",
                "知识产权局|3|10, 14, 15",
                "国资委|1|11",
                "海关总署|1|12",
                "最高人民法院|1|14",
                "司法部|1|15",
                "教育部|1|16",
                "工业和信息化部|1|16",
                "人力资源社会保障部|1|16"), run("cq2-measures-per-body"));
    }

    @Test
    void cq3PilotOnlyMeasures() {
        assertEquals(List.of(
                "3|政银保联动授信担保提供科技型中小企业长期集合信贷机制|科技金融创新|8个全面创新改革试验区域",
                "4|建立银行跟贷支持科技型中小企业的风险缓释资金池|科技金融创新|8个全面创新改革试验区域",
                "7|银行与企业风险共担的仪器设备信用贷|科技金融创新|8个全面创新改革试验区域",
                "14|建立跨区域的知识产权远程诉讼平台|知识产权保护|8个全面创新改革试验区域",
                "15|建立提供全方位证据服务的知识产权公证服务平台|知识产权保护|8个全面创新改革试验区域"),
                run("cq3-pilot-only-measures"));
    }

    @Test
    void cq4DeclaredAndHeld() {
        assertEquals(List.of(
                "1|科技金融创新|7|7|0",
                "2|科技管理体制创新|6|6|0",
                "3|知识产权保护|2|2|0",
                "4|人才培养和激励|1|1|0",
                "5|军民深度融合|4|0|4",
                "|第三批支持创新相关改革举措推广清单|20|16|4"), run("cq4-declared-and-held-measures"));
    }

    @Test
    void cq5SingleBodyMeasureIsTwelve() {
        assertEquals(List.of("12|生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制|海关总署"),
                run("cq5-single-body-measures"));
    }

    @Test
    void cq6CategoriesPerBody() {
        assertEquals(List.of(
                "财政部|3|科技金融创新, 科技管理体制创新, 人才培养和激励",
                "发展改革委|3|科技金融创新, 科技管理体制创新, 人才培养和激励",
                "人民银行|2|科技金融创新, 科技管理体制创新",
                "科技部|2|科技金融创新, 科技管理体制创新",
                "知识产权局|2|科技管理体制创新, 知识产权保护",
                "银保监会|1|科技金融创新",
                "国资委|1|科技管理体制创新",
                "海关总署|1|科技管理体制创新",
                "最高人民法院|1|知识产权保护",
                "司法部|1|知识产权保护",
                "教育部|1|人才培养和激励",
                "工业和信息化部|1|人才培养和激励",
                "人力资源社会保障部|1|人才培养和激励"), run("cq6-categories-per-body"));
    }

    @Test
    void cq7CbircMeasuresNowUnderNfra() {
        QueryResult result = runner.run("cq7-reorganised-body-measures", Map.of(), Language.ZH);
        assertEquals(List.of(1L, 3L, 4L, 5L, 6L, 7L), result.column("number"));
        for (Map<String, Object> row : result.rows()) {
            assertEquals("银保监会", row.get("body"));
            assertEquals("国家金融监督管理总局", row.get("successor"));
            assertEquals("2023-05-18", row.get("changed"));
        }
        assertEquals("National Financial Regulatory Administration",
                runner.run("cq7-reorganised-body-measures", Map.of(), Language.EN).rows().get(0).get("successor"));
    }

    /** Issue 30, 3: words apart are all required (银行: 1, 3, 4, 5, 7; 担保: 3, 5); syntax in a word is text. */
    @Test
    void aKeywordOfSeveralWordsFindsTheMeasuresHoldingThemAll() {
        java.util.function.Function<String, List<Object>> numbers = keyword -> runner.run("explorer-search",
                Map.of("keyword", keyword), Language.ZH).column("number");
        assertEquals(List.of(3L, 5L), numbers.apply("银行 担保"));
        assertEquals(List.of(3L, 5L), numbers.apply("\u3000担保\u3000 银行 "));
        assertEquals(List.of(1L, 3L, 4L, 5L, 7L), numbers.apply("银行"));
        for (String hostile : List.of("银行 AND 担保", "银行 *", "担保~", "\"银行\"", "银行\\", "(银行", "[银行", "银行{2}",
                "$1 银行", ".*")) {
            assertEquals(List.of(), numbers.apply(hostile), hostile);
        }
        assertEquals(List.of(Map.of("value", "*", "measures", 2L)), runner.run("explorer-search-counts",
                Map.of("keyword", "担保 银行", "facet", "all"), Language.ZH).rows());
    }

    @Test
    void theReorganisedBodyIsNamedWithItsSuccessor() {
        String bodies = "https://w3id.org/reform-kg/body/";
        assertEquals(List.of(Map.of("body", bodies + "CBIRC", "bodyName", "银保监会", "successor", bodies + "NFRA",
                "successorName", "国家金融监督管理总局", "changed", "2023-05-18")),
                runner.run("reorganised-bodies", Map.of(), Language.ZH).rows());
        assertEquals(List.of(Map.of("body", bodies + "CBIRC", "bodyName", "China Banking and Insurance Regulatory Commission",
                "successor", bodies + "NFRA", "successorName", "National Financial Regulatory Administration",
                "changed", "2023-05-18")), runner.run("reorganised-bodies", Map.of(), Language.EN).rows());
    }

    @Test
    void cq8AllSixteenMeasuresApplyInWuhan() {
        QueryResult result = runner.run("cq8-measures-in-place", Map.of(), Language.ZH);
        assertEquals(16, result.count());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L),
                result.column("number"));
        assertEquals(List.of("全国", "全国", "湖北武汉", "湖北武汉", "全国", "全国", "湖北武汉", "全国", "全国", "全国",
                "全国", "全国", "全国", "湖北武汉", "湖北武汉", "全国"), result.column("via"));
    }

    @Test
    void placesInsideAPilotRegionGetAllSixteenOthersTheElevenNationwide() {
        List<Object> all = numbers("cq8-measures-in-place", Map.of());
        List<Object> nationwide = List.of(1L, 2L, 5L, 6L, 8L, 9L, 10L, 11L, 12L, 13L, 16L);
        for (String inside : List.of("合肥", "合肥市", "安徽省合肥市", "3401", "北京市东城区", "110101", "深圳", "wuhan",
                "湖北武汉", "he-wu-beng", "上海", "shanghai")) {
            assertEquals(all, numbers("cq8-measures-in-place", Map.of("place", inside)), inside);
        }
        for (String outside : List.of("黄山", "3410", "湖北省", "湖北", "全国")) {
            assertEquals(nationwide, numbers("cq8-measures-in-place", Map.of("place", outside)), outside);
        }
        assertEquals(List.of("安徽（合芜蚌）"), runner.run("cq8-measures-in-place", Map.of("place", "合肥"), Language.ZH)
                .rows().stream().filter(row -> row.get("number").equals(3L)).map(row -> row.get("via")).toList());
    }

    @Test
    void anAmbiguousOrUnknownPlaceIsRefusedWithWhatToGiveInstead() {
        InvalidParameterException ambiguous = assertThrows(InvalidParameterException.class,
                () -> runner.run("cq8-measures-in-place", Map.of("place", "朝阳区"), Language.ZH));
        assertEquals("parameter place: \"朝阳区\" names 2 places: 110105 (北京市朝阳区), 220104 (长春市朝阳区); "
                + "give the code or the qualified name", ambiguous.getMessage());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L),
                numbers("cq8-measures-in-place", Map.of("place", "北京市朝阳区")));
        assertEquals("parameter place: \"吉林\" names 2 places: 22 (吉林省), 2202 (吉林省吉林市); give the code or the "
                + "qualified name", assertThrows(InvalidParameterException.class,
                () -> runner.run("cq8-measures-in-place", Map.of("place", "吉林"), Language.ZH)).getMessage());
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> runner.run("cq8-measures-in-place", Map.of("place", "火星"), Language.ZH));
        assertTrue(unknown.getMessage().startsWith("parameter place: no place is named \"火星\"; give a province"),
                unknown.getMessage());
    }

    @Test
    void anEmptyParameterIsRefusedAsEmpty() {
        assertEquals("parameter place is empty; give a place", assertThrows(InvalidParameterException.class,
                () -> runner.run("cq8-measures-in-place", Map.of("place", " "), Language.ZH)).getMessage());
        assertEquals("parameter body is empty; give a body", assertThrows(InvalidParameterException.class,
                () -> runner.run("body-detail", Map.of("body", ""), Language.ZH)).getMessage());
    }

    @Test
    void coGuidancePairsAcrossAllCategories() {
        assertEquals(List.of(
                "人民银行|银保监会|5|1, 3, 4, 5, 6",
                "发展改革委|科技部|4|2, 8, 10, 13",
                "科技部|银保监会|4|1, 3, 6, 7",
                "人民银行|科技部|3|1, 3, 6",
                "人民银行|财政部|3|3, 4, 11",
                "科技部|财政部|3|2, 3, 9",
                "发展改革委|财政部|2|2, 16",
                "财政部|银保监会|2|3, 4",
                "人力资源社会保障部|发展改革委|1|16",
                "人力资源社会保障部|工业和信息化部|1|16",
                "人力资源社会保障部|教育部|1|16",
                "人力资源社会保障部|财政部|1|16",
                "人民银行|发展改革委|1|5",
                "人民银行|国资委|1|11",
                "发展改革委|工业和信息化部|1|16",
                "发展改革委|教育部|1|16",
                "发展改革委|知识产权局|1|10",
                "发展改革委|银保监会|1|5",
                "司法部|知识产权局|1|15",
                "国资委|财政部|1|11",
                "工业和信息化部|教育部|1|16",
                "工业和信息化部|财政部|1|16",
                "教育部|财政部|1|16",
                "最高人民法院|知识产权局|1|14",
                "知识产权局|科技部|1|10"), run("co-guidance-pairs"));
    }

    @Test
    void leadBodyOfEachMeasure() {
        assertEquals(List.of(
                "1|银行与专业投资机构建立市场化长期性合作机制支持科技创新型企业|银保监会|人民银行, 科技部",
                "2|科技创新券跨区域“通用通兑”政策协同机制|财政部|科技部, 发展改革委",
                "3|政银保联动授信担保提供科技型中小企业长期集合信贷机制|财政部|科技部, 人民银行, 银保监会",
                "4|建立银行跟贷支持科技型中小企业的风险缓释资金池|人民银行|银保监会, 财政部",
                "5|建立基于大数据分析的“银行+征信+担保”的中小企业信用贷款新模式|人民银行|发展改革委, 银保监会",
                "6|建立以企业创新能力为核心指标的科技型中小企业融资评价体系|银保监会|人民银行, 科技部",
                "7|银行与企业风险共担的仪器设备信用贷|科技部|银保监会",
                "8|集中科技骨干力量打造前沿技术产业链股份制联盟|发展改革委|科技部",
                "9|对战略性科研项目实施滚动支持制度|科技部|财政部",
                "10|以产业数据、专利数据为基础的新兴产业专利导航决策机制|发展改革委|科技部, 知识产权局",
                "11|老工业基地的国有企业创新创业增量型业务混合所有制改革|国资委|财政部, 人民银行",
                "12|生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制|海关总署|",
                "13|地方深度参与国家基础研究和应用基础研究的投入机制|科技部|发展改革委",
                "14|建立跨区域的知识产权远程诉讼平台|最高人民法院|知识产权局",
                "15|建立提供全方位证据服务的知识产权公证服务平台|司法部|知识产权局",
                "16|“五业联动”的职业教育发展新机制|教育部|发展改革委, 工业和信息化部, 财政部, 人力资源社会保障部"),
                run("lead-bodies"));
    }

    @Test
    void leadCountsPerBody() {
        assertEquals(List.of(
                "科技部|3|7, 9, 13|9",
                "银保监会|2|1, 6|6",
                "人民银行|2|4, 5|6",
                "财政部|2|2, 3|6",
                "发展改革委|2|8, 10|6",
                "国资委|1|11|1",
                "海关总署|1|12|1",
                "最高人民法院|1|14|1",
                "司法部|1|15|1",
                "教育部|1|16|1",
                "知识产权局|0||3",
                "工业和信息化部|0||1",
                "人力资源社会保障部|0||1"), run("lead-counts"));
    }

    @Test
    void bodiesThatNeverWorkTogetherAreTheOther53Of78Pairs() {
        List<String> pairs = run("bodies-never-co-guiding");
        assertEquals(13 * 12 / 2 - run("co-guidance-pairs").size(), pairs.size());
        assertEquals(53, pairs.size());
        assertEquals(List.of("人力资源社会保障部|人民银行", "人力资源社会保障部|司法部"), pairs.subList(0, 2));
        assertEquals(12, pairs.stream().filter(pair -> pair.contains("海关总署")).count(), "海关总署 guides alone");
        assertTrue(pairs.contains("最高人民法院|财政部"));
        assertTrue(!pairs.contains("人民银行|银保监会"));
        assertEquals(List.of("知识产权局|财政部", "知识产权局|银保监会"), pairs.subList(51, 53));
    }

    @Test
    void partnersOfMost() {
        List<String> partners = runner.run("body-partners", Map.of(), Language.ZH).rows().stream()
                .map(row -> row.get("partner") + "|" + row.get("measures") + "|" + row.get("numbers")).toList();
        assertEquals(List.of("发展改革委|4|2, 8, 10, 13", "银保监会|4|1, 3, 6, 7", "人民银行|3|1, 3, 6",
                "财政部|3|2, 3, 9", "知识产权局|1|10"), partners);
        assertEquals("以产业数据、专利数据为基础的新兴产业专利导航决策机制",
                runner.run("body-partners", Map.of(), Language.ZH).rows().get(4).get("titles"));
        assertEquals(List.of("知识产权局|1|14||建立跨区域的知识产权远程诉讼平台"),
                lines(runner.run("body-partners", Map.of("body", "最高人民法院"), Language.ZH)).stream()
                        .map(line -> line.replaceFirst("\\|14\\|", "|14||")).toList());
        assertEquals(List.of(), run("body-partners", Map.of("body", "GACC")));
        assertEquals(run("body-partners", Map.of("body", "MOST")), run("body-partners", Map.of("body", "科技部")));
        assertEquals(run("body-partners", Map.of("body", "MOST")),
                run("body-partners", Map.of("body", "Ministry of Science and Technology")));
        assertEquals(run("body-partners", Map.of("body", "MOST")),
                run("body-partners", Map.of("body", store.iris().body("MOST"))));
    }

    @Test
    void keywordSearchFindsTheMeasuresThatContainTheWord() {
        assertEquals(List.of("3|政银保联动授信担保提供科技型中小企业长期集合信贷机制|true|true",
                "5|建立基于大数据分析的“银行+征信+担保”的中小企业信用贷款新模式|true|false"), run("keyword-search"));
        assertEquals(List.of(16L), numbers("keyword-search", Map.of("keyword", "职业教育")));
        assertEquals(List.of(5L, 10L), numbers("keyword-search", Map.of("keyword", "数据")));
        assertEquals(List.of(1L, 3L, 4L, 5L, 7L), numbers("keyword-search", Map.of("keyword", "银行")));
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 11L, 12L, 16L), numbers("keyword-search", Map.of("keyword", "“")));
        assertEquals(List.of(), numbers("keyword-search", Map.of("keyword", "区块链")));
        assertEquals(List.of(), numbers("keyword-search", Map.of("keyword", "")));
    }

    @Test
    void measuresPerCategoryAndScope() {
        assertEquals(List.of(
                "科技金融创新|全国|4|1, 2, 5, 6",
                "科技金融创新|8个全面创新改革试验区域|3|3, 4, 7",
                "科技管理体制创新|全国|6|8, 9, 10, 11, 12, 13",
                "科技管理体制创新|8个全面创新改革试验区域|0|",
                "知识产权保护|全国|0|",
                "知识产权保护|8个全面创新改革试验区域|2|14, 15",
                "人才培养和激励|全国|1|16",
                "人才培养和激励|8个全面创新改革试验区域|0|",
                "军民深度融合|全国|0|",
                "军民深度融合|8个全面创新改革试验区域|0|"), run("measures-by-category-and-scope"));
    }

    @Test
    void currentNameOfEveryBody() {
        assertEquals(List.of(
                "银保监会|中国银行保险监督管理委员会|国家金融监督管理总局|2023-05-18",
                "知识产权局|国家知识产权局|国家知识产权局|",
                "海关总署|中华人民共和国海关总署|中华人民共和国海关总署|",
                "工业和信息化部|中华人民共和国工业和信息化部|中华人民共和国工业和信息化部|",
                "教育部|中华人民共和国教育部|中华人民共和国教育部|",
                "财政部|中华人民共和国财政部|中华人民共和国财政部|",
                "人力资源社会保障部|中华人民共和国人力资源和社会保障部|中华人民共和国人力资源和社会保障部|",
                "司法部|中华人民共和国司法部|中华人民共和国司法部|",
                "科技部|中华人民共和国科学技术部|中华人民共和国科学技术部|",
                "发展改革委|国家发展和改革委员会|国家发展和改革委员会|",
                "人民银行|中国人民银行|中国人民银行|",
                "国资委|国务院国有资产监督管理委员会|国务院国有资产监督管理委员会|",
                "最高人民法院|最高人民法院|最高人民法院|"), run("body-current-names"));
    }

    @Test
    void measureDetail() {
        assertEquals(List.of(store.iris().measure(3, 12) + "|12|生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制|"
                + "创新特殊物品出入境检验检疫监管服务，针对生物医药检验检疫，扩大低风险特殊物品智能审批覆盖范围，"
                + "对试点企业进口同一种科研用样本实施“一次评估、分批进口”。推广中，需要对特殊物品应用制定针对性监管措施。|"
                + "科技管理体制创新|海关总署|全国|79"), run("measure-detail"));
        QueryResult three = runner.run("measure-detail", Map.of("measure", "3"), Language.ZH);
        assertEquals("财政部, 科技部, 人民银行, 银保监会", three.rows().get(0).get("bodies"));
        assertEquals("8个全面创新改革试验区域", three.rows().get(0).get("scope"));
        assertEquals(List.of(), run("measure-detail", Map.of("measure", "17")));
        assertEquals(List.of(), run("measure-detail", Map.of("list", "2")));
        InvalidParameterException notANumber = assertThrows(InvalidParameterException.class,
                () -> runner.run("measure-detail", Map.of("measure", "twelve"), Language.ZH));
        assertEquals("parameter measure takes a whole number, found \"twelve\"", notANumber.getMessage());
    }

    @Test
    void bodyDetail() {
        assertEquals(List.of(store.iris().body("CBIRC") + "|CBIRC|银保监会|中国银行保险监督管理委员会|"
                + "China Banking and Insurance Regulatory Commission|国务院直属事业单位|6|2|科技金融创新|4|国家金融监督管理总局"),
                run("body-detail"));
        assertEquals(List.of(store.iris().body("MOST") + "|MOST|科技部|中华人民共和国科学技术部|"
                + "Ministry of Science and Technology|国务院组成部门|9|3|科技金融创新, 科技管理体制创新|5|中华人民共和国科学技术部"),
                run("body-detail", Map.of("body", "most")));
        assertEquals(List.of(store.iris().body("NFRA") + "|NFRA|金融监管总局|国家金融监督管理总局|"
                + "National Financial Regulatory Administration|国务院直属机构|0|0||0|国家金融监督管理总局"),
                run("body-detail", Map.of("body", "国家金融监督管理总局")));
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> runner.run("body-detail", Map.of("body", "国防部"), Language.ZH));
        assertEquals("parameter body: no body is named \"国防部\"; the bodies are: CBIRC (银保监会), CNIPA (知识产权局), "
                + "GACC (海关总署), MIIT (工业和信息化部), MOE (教育部), MOF (财政部), MOHRSS (人力资源社会保障部), "
                + "MOJ (司法部), MOST (科技部), NDRC (发展改革委), NFRA (金融监管总局), PBOC (人民银行), SASAC (国资委), SPC (最高人民法院), StateCouncil (国务院)",
                unknown.getMessage());
    }

    @Test
    void supremeCourtReachesFinanceInThreeLinks() {
        QueryResult chain = runner.run("body-connection", Map.of("from", "最高人民法院", "to", "财政部"), Language.ZH);
        assertEquals(List.of("step", "from", "fromLabel", "to", "toLabel", "measures"), chain.columns());
        assertEquals(List.of(
                "1|" + store.iris().body("SPC") + "|最高人民法院|" + store.iris().body("CNIPA") + "|知识产权局|14",
                "2|" + store.iris().body("CNIPA") + "|知识产权局|" + store.iris().body("MOST") + "|科技部|10",
                "3|" + store.iris().body("MOST") + "|科技部|" + store.iris().body("MOF") + "|财政部|2, 3, 9"),
                lines(chain));
        assertEquals(lines(chain), run("body-connection"), "SPC and MOF are the defaults");
        assertEquals(List.of("财政部", "科技部", "知识产权局"),
                runner.run("body-connection", Map.of("from", "MOF", "to", "SPC"), Language.ZH).column("fromLabel"));
    }

    @Test
    void theChainIsTheFirstShortestOneForEveryPairOfBodies() {
        // what a breadth-first search from the first body finds, visiting partners in IRI order
        List<String> bodies = Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionModel()
                .listSubjectsWithProperty(RDF.type, RKG.GuidingBody).mapWith(Resource::getURI).toList())
                .stream().sorted().toList();
        Map<String, List<String>> partners = new TreeMap<>();
        Txn.executeRead(store.dataset(), () -> bodies.forEach(body -> partners.put(body, store.dataset().getUnionModel()
                .listObjectsOfProperty(ResourceFactory.createResource(body), RKG.coGuides)
                .mapWith(partner -> partner.asResource().getURI()).toList().stream().sorted().toList())));
        int chains = 0;
        for (String from : bodies) {
            for (String to : bodies) {
                Map<String, String> previous = new HashMap<>(Map.of(from, from));
                Deque<String> queue = new ArrayDeque<>(List.of(from));
                while (!queue.isEmpty() && !previous.containsKey(to)) {
                    String body = queue.removeFirst();
                    for (String partner : partners.get(body)) {
                        if (previous.putIfAbsent(partner, body) == null) {
                            queue.addLast(partner);
                        }
                    }
                }
                List<String> expected = new ArrayList<>();
                if (!from.equals(to) && previous.containsKey(to)) {
                    for (String body = to; !body.equals(from); body = previous.get(body)) {
                        expected.add(0, body);
                    }
                    expected.add(0, from);
                    chains++;
                }
                QueryResult chain = runner.run("body-connection", Map.of("from", from, "to", to), Language.ZH);
                List<String> found = new ArrayList<>(chain.column("from").stream().map(String::valueOf).toList());
                chain.column("to").stream().reduce((first, last) -> last).ifPresent(last -> found.add(String.valueOf(last)));
                assertEquals(expected, found, from + " to " + to);
                assertEquals(chain.column("step"), LongStream.rangeClosed(1, chain.count()).boxed().map(Object.class::cast)
                        .toList());
            }
        }
        // 海关总署 guides alone; the other twelve bodies are connected
        assertEquals(12 * 11, chains);
    }

    @Test
    void chainsOfOneLinkNoneAndToItself() {
        assertEquals(List.of("1|" + store.iris().body("PBOC") + "|人民银行|" + store.iris().body("CBIRC")
                + "|银保监会|1, 3, 4, 5, 6"), run("body-connection", Map.of("from", "PBOC", "to", "CBIRC")));
        assertEquals(List.of(), run("body-connection", Map.of("from", "GACC", "to", "MOF")), "海关总署 guides alone");
        assertEquals(List.of(), run("body-connection", Map.of("from", "MOF", "to", "财政部")));
        assertEquals(List.of("知识产权局", "发展改革委", "人力资源社会保障部"), runner.run("body-connection",
                Map.of("from", "SPC", "to", "MOHRSS"), Language.ZH).column("toLabel"));
    }

    @Test
    void unknownQueryAndParameterListWhatExists() {
        UnknownQueryException unknown = assertThrows(UnknownQueryException.class,
                () -> runner.run("cq9", Map.of(), Language.ZH));
        assertTrue(unknown.getMessage().startsWith("no query named \"cq9\"; the queries are: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("body-connection, body-current-names"), unknown.getMessage());
        InvalidParameterException parameter = assertThrows(InvalidParameterException.class,
                () -> runner.run("cq1-co-guidance-pairs", Map.of("categroy", "talent"), Language.ZH));
        assertEquals("query cq1-co-guidance-pairs has no parameter \"categroy\"; its parameters are: category",
                parameter.getMessage());
        InvalidParameterException none = assertThrows(InvalidParameterException.class,
                () -> runner.run("cq2-measures-per-body", Map.of("body", "MOST"), Language.ZH));
        assertEquals("query cq2-measures-per-body has no parameter \"body\"; it takes none", none.getMessage());
        InvalidParameterException category = assertThrows(InvalidParameterException.class,
                () -> runner.run("cq1-co-guidance-pairs", Map.of("category", "finance"), Language.ZH));
        assertEquals("parameter category: no category is named \"finance\"; the categories are: civil-military "
                + "(军民深度融合), ip-protection (知识产权保护), talent (人才培养和激励), tech-finance (科技金融创新), "
                + "tech-management (科技管理体制创新)", category.getMessage());
    }

    @Test
    void pagesOfTheMeasuresInHefeiAreDisjointSlicesOfTheWholeAnswer() {
        QueryResult whole = runner.run("measures-in-place", Map.of("placeName", "合肥"), Language.ZH);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L),
                whole.column("number"));
        assertEquals(Optional.of(new Page(0, 100, false)), whole.page(), "the default page holds the 16 measures");
        QueryResult first = runner.run("measures-in-place", Map.of("placeName", "合肥", "limit", "2"), Language.ZH);
        QueryResult second = runner.run("measures-in-place", Map.of("placeName", "合肥", "limit", "2", "offset", "2"),
                Language.ZH);
        assertEquals(List.of(1L, 2L), first.column("number"));
        assertEquals(List.of(3L, 4L), second.column("number"));
        assertEquals(Optional.of(new Page(0, 2, true)), first.page());
        assertEquals(Optional.of(new Page(2, 2, true)), second.page());
        assertEquals(2, first.count(), "count is the rows on the page");
        assertEquals(lines(whole).subList(0, 4), Stream.concat(lines(first).stream(), lines(second).stream()).toList());

        // walking every page of five gives the whole answer once, in order; the last page says so
        List<String> walked = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        for (int offset = 0; more.isEmpty() || more.get(more.size() - 1); offset += 5) {
            QueryResult page = runner.run("measures-in-place",
                    Map.of("placeName", "合肥", "limit", "5", "offset", String.valueOf(offset)), Language.ZH);
            walked.addAll(lines(page));
            more.add(page.page().orElseThrow().more());
        }
        assertEquals(lines(whole), walked);
        assertEquals(List.of(true, true, true, false), more);
    }

    @Test
    void theListingQueriesPageTheirAnswers() {
        QueryResult huangshan = runner.run("cq8-measures-in-place", Map.of("place", "黄山", "limit", "4", "offset", "8"),
                Language.ZH);
        assertEquals(List.of(12L, 13L, 16L), huangshan.column("number"), "rows 9 to 11 of the 11 nationwide");
        assertEquals(Optional.of(new Page(8, 4, false)), huangshan.page());
        assertEquals(List.of(3L), numbers("keyword-search", Map.of("limit", "1")));
        assertEquals(List.of(5L), numbers("keyword-search", Map.of("limit", "1", "offset", "1")));
        assertEquals(List.of(), numbers("cq8-measures-in-place", Map.of("offset", "16")), "past the end: no rows");
        assertEquals(Optional.of(new Page(16, 100, false)),
                runner.run("cq8-measures-in-place", Map.of("offset", "16"), Language.ZH).page());
        assertEquals(List.of(3L, 4L), numbers("lead-bodies", Map.of("limit", "2", "offset", "2")));
        assertEquals(List.of("https://w3id.org/reform-kg/list/3/measure/14"), runner.run("explorer-search",
                Map.of("keyword", "知识产权", "limit", "1"), Language.ZH).column("measure"));
        assertEquals(List.of(5L, 10L), runner.run("keyword-search-text", Map.of("keyword", "数据", "limit", "1000"),
                Language.ZH).column("number").stream().sorted().toList());
        assertEquals(Optional.empty(), runner.run("cq2-measures-per-body", Map.of(), Language.ZH).page());
    }

    @Test
    void sharedMeasuresOfTwoBodiesOrOneComeInListOrderAPageAtATime() {
        assertEquals(List.of(3L, 4L), numbers("explorer-shared-measures", Map.of("body", "CBIRC", "partner", "MOF")));
        assertEquals(List.of(1L, 3L, 4L, 5L, 6L, 7L), numbers("explorer-shared-measures",
                Map.of("body", "银保监会", "partner", "CBIRC")), "the same body twice: all its measures");
        assertEquals(List.of(5L, 6L), numbers("explorer-shared-measures",
                Map.of("body", "CBIRC", "partner", "CBIRC", "limit", "2", "offset", "3")));
        assertEquals(List.of(14L), numbers("explorer-shared-measures", Map.of("body", "CNIPA", "partner", "SPC",
                "category", "https://w3id.org/reform-kg/category/ip-protection")));
        assertEquals(List.of(), numbers("explorer-shared-measures", Map.of("body", "CNIPA", "partner", "SPC",
                "category", "https://w3id.org/reform-kg/category/tech-finance")));
        assertEquals(List.of(1L, 3L, 4L), numbers("explorer-body-measures", Map.of("body", "CBIRC", "limit", "3")));
    }

    @Test
    void theNetworkHasThirteenBodiesAndTwentyFiveWeightedLinks() {
        QueryResult network = runner.run("explorer-network", Map.of(), Language.ZH);
        List<Map<String, Object>> nodes = network.rows().stream().filter(row -> row.get("b") == null).toList();
        List<Map<String, Object>> edges = network.rows().stream().filter(row -> row.get("b") != null).toList();
        assertEquals(13, nodes.size());
        assertEquals(25, edges.size());
        String body = "https://w3id.org/reform-kg/body/";
        assertTrue(nodes.stream().anyMatch(row -> row.get("a").equals(body + "MOST") && row.get("weight").equals(9L)),
                nodes.toString());
        assertTrue(edges.stream().anyMatch(row -> row.get("a").equals(body + "CBIRC") && row.get("b").equals(body + "PBOC")
                && row.get("weight").equals(5L)), edges.toString());
        QueryResult ip = runner.run("explorer-network",
                Map.of("category", "https://w3id.org/reform-kg/category/ip-protection"), Language.ZH);
        assertEquals(List.of(body + "CNIPA", body + "CNIPA", body + "CNIPA", body + "MOJ", body + "SPC"),
                ip.column("a"));
        assertEquals(List.of(2L, 1L, 1L, 1L, 1L), ip.column("weight"));
    }

    @Test
    void aLimitOrOffsetOutOfRangeIsRefusedWithTheRange() {
        for (String limit : List.of("0", "-5", "1001", "ten", "2.5", "")) {
            assertEquals("parameter limit takes a whole number from 1 to 1000 (rows per page), found \"" + limit
                    + "\"; page through longer answers with offset", assertThrows(InvalidParameterException.class,
                    () -> runner.run("measures-in-place", Map.of("limit", limit), Language.ZH)).getMessage());
        }
        for (String offset : List.of("-1", "x", "99999999999999999999")) {
            assertEquals("parameter offset takes a whole number, 0 or more (rows to skip), found \"" + offset + "\"",
                    assertThrows(InvalidParameterException.class,
                            () -> runner.run("keyword-search", Map.of("offset", offset), Language.ZH)).getMessage());
        }
        assertEquals(List.of(12L), numbers("cq5-single-body-measures", Map.of("limit", "1000")), "the maximum is allowed");
        assertEquals("query cq1-co-guidance-pairs has no parameter \"limit\"; its parameters are: category",
                assertThrows(InvalidParameterException.class,
                        () -> runner.run("cq1-co-guidance-pairs", Map.of("limit", "5"), Language.ZH)).getMessage());
        assertEquals("query cq5-single-body-measures has no parameter \"page\"; its parameters are: limit, offset",
                assertThrows(InvalidParameterException.class,
                        () -> runner.run("cq5-single-body-measures", Map.of("page", "2"), Language.ZH)).getMessage());
    }

    @Test
    void explorerSearchCountsGiveTheTotalAndTheCountsPerFilterValue() {
        assertEquals(List.of("*|16"), run("explorer-search-counts"));
        String category = "https://w3id.org/reform-kg/category/";
        // no measure is in 军民深度融合 (civil-military): it has no row
        assertEquals(List.of(category + "ip-protection|2", category + "talent|1", category + "tech-finance|7",
                category + "tech-management|6"), run("explorer-search-counts", Map.of("facet", "category")));
        String body = "https://w3id.org/reform-kg/body/";
        assertEquals(List.of(body + "CBIRC|6", body + "MOF|3", body + "MOST|5", body + "NDRC|2", body + "PBOC|5"),
                run("explorer-search-counts", Map.of("facet", "body", "category", category + "tech-finance")));
        assertEquals(List.of("*|2"), run("explorer-search-counts", Map.of("keyword", "知识产权")));
        assertEquals(List.of(), run("explorer-search-counts", Map.of("keyword", "区块链")));
        // a facet the counts do not know is refused, not answered with no rows
        assertEquals("parameter facet takes one of all, category, body, scope; found \"colour\"", assertThrows(
                InvalidParameterException.class, () -> run("explorer-search-counts", Map.of("facet", "colour"))).getMessage());
    }
}
