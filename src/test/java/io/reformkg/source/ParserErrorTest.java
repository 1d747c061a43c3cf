package io.reformkg.source;

import static io.reformkg.source.SourceFixture.dataWith;
import static io.reformkg.source.SourceFixture.original;
import static io.reformkg.source.SourceFixture.replaceOnce;
import static io.reformkg.source.SourceFixture.sourceFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.reformkg.store.GraphStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of bad input: the real list with one edit, built through the whole pipeline.
 * Each must fail with a message naming the file, the line and what was expected, and build nothing.
 * Blanking a line (rather than deleting it) keeps the line numbers of the real file.
 */
class ParserErrorTest {
    private static final String CELLS = "; expected 4 cells after the number (title, content, guiding bodies, scope), "
            + "found 3";

    @TempDir
    Path dir;

    /** Builds the edited data folder and returns the error; a built store would fail the test. */
    private String buildError(String source) {
        Path data = dataWith(dir, source);
        SourceException error = assertThrows(SourceException.class, () -> GraphStore.create().data(data).build());
        assertEquals(sourceFile(data), error.file());
        return error.getMessage();
    }

    private String at(int line) {
        return sourceFile(dir.resolve("data")) + ":" + line + ": ";
    }

    @Test
    void missingTitle() {
        String source = replaceOnce(original(), "银行与专业投资机构建立市场化长期性合作机制支持科技创新型企业", "");
        assertEquals(at(11) + "measure 1 is missing its title" + CELLS, buildError(source));
    }

    @Test
    void missingContent() {
        String source = replaceOnce(original(), "推动财政支持创新的跨行政区域联动机制通过统一服务机构登记标准、放宽服务机构注册地限制，实现企业异地采购科技服务。", "");
        assertEquals(at(17) + "measure 2 is missing its content" + CELLS, buildError(source));
    }

    @Test
    void missingGuidingBodies() {
        String source = replaceOnce(original(), "\t财政部、科技部、发展改革委\n", "\n");
        assertEquals(at(17) + "measure 2 is missing its guiding bodies" + CELLS, buildError(source));
    }

    @Test
    void missingScope() {
        String source = replaceOnce(original(), "财政部、科技部、发展改革委\n\t全国\n", "财政部、科技部、发展改革委\n\n");
        assertEquals(at(17) + "measure 2 is missing its promotion scope" + CELLS, buildError(source));
    }

    @Test
    void duplicateNumber() {
        String source = replaceOnce(original(), "\n\t3\n", "\n\t2\n");
        assertEquals(at(23) + "duplicate measure number 2 (first at line 17); expected 3", buildError(source));
    }

    @Test
    void outOfOrderNumber() {
        String source = replaceOnce(original(), "\n\t3\n", "\n\t5\n");
        assertEquals(at(23) + "measure number 5 is out of order; expected 3", buildError(source));
    }

    @Test
    void unknownScope() {
        String source = replaceOnce(original(), "财政部、科技部、发展改革委\n\t全国\n", "财政部、科技部、发展改革委\n\t全省\n");
        assertEquals(at(21) + "measure 2 has an unknown promotion scope \"全省\"; known scopes: 8个改革试验区域, 全国, "
                + "or divisions by name separated by \"、\" (合肥市、芜湖市); did you mean \"全国\"?", buildError(source));
    }

    private static String withScope(int line, String scope) {
        assertEquals("\t全国", original().lines().toList().get(line - 1));
        List<String> lines = new ArrayList<>(original().lines().toList());
        lines.set(line - 1, "\t" + scope);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void scopeNamingAnUnknownDivisionSuggestsTheNearestName() {
        assertEquals(at(21) + "measure 2's promotion scope names an unknown division \"芜胡市\"; expected a province, "
                + "city or county as the division tables name it (合肥市, 北京市东城区); did you mean \"芜湖市\"?",
                buildError(withScope(21, "合肥市、芜胡市")));
    }

    @Test
    void scopeNamingAnAmbiguousDivisionListsTheDivisionsItCouldBe() {
        assertEquals(at(21) + "measure 2's promotion scope names \"朝阳区\", which is more than one division; write one "
                + "of 北京市朝阳区 (110105), 长春市朝阳区 (220104)", buildError(withScope(21, "朝阳区")));
    }

    @Test
    void scopeNamingADivisionTwice() {
        assertEquals(at(21) + "measure 2's promotion scope names the division 合肥市 twice",
                buildError(withScope(21, "合肥、合肥市")));
    }

    @Test
    void scopeWithAnEmptyDivisionName() {
        assertEquals(at(21) + "measure 2 has an empty division name in its promotion scope; expected names "
                + "separated by a single \"、\"", buildError(withScope(21, "合肥市、")));
    }

    @Test
    void unknownGuidingBodyListsTheKnownNamesAndSuggestsTheNearest() {
        String source = replaceOnce(original(), "\t海关总署\n", "\t海关总局\n");
        assertEquals(at(83) + "measure 12 names an unknown guiding body \"海关总局\"; known bodies: "
                + "人力资源社会保障部, 人民银行, 发展改革委, 司法部, 国资委, 工业和信息化部, 教育部, 最高人民法院, 海关总署, "
                + "知识产权局, 科技部, 财政部, 银保监会; did you mean \"海关总署\"?", buildError(source));
    }

    @Test
    void unknownGuidingBodyAmongSeveral() {
        String source = replaceOnce(original(), "发展改革委、科技部、知识产权局", "发展改革委、科学技术部、知识产权局");
        String message = buildError(source);
        assertEquals(at(70) + "measure 10 names an unknown guiding body \"科学技术部\"; known bodies: ",
                message.substring(0, message.indexOf("known bodies: ") + "known bodies: ".length()));
        assertEquals("; did you mean \"科技部\"?", message.substring(message.lastIndexOf(';')));
    }

    @Test
    void measureOutsideAnyCategory() {
        String source = replaceOnce(original(), "一、科技金融创新方面（共7项）", "");
        assertEquals(at(11) + "measure 1 stands outside any category; expected a section heading such as "
                + "\"一、科技金融创新方面（共7项）\" before it", buildError(source));
    }

    @Test
    void unknownCategory() {
        String source = replaceOnce(original(), "三、知识产权保护方面（共2项）", "三、知识产权运用方面（共2项）");
        assertEquals(at(92) + "unknown category \"知识产权运用\"; known categories: 人才培养和激励, 军民深度融合, "
                + "知识产权保护, 科技管理体制创新, 科技金融创新; did you mean \"知识产权保护\"?", buildError(source));
    }

    @Test
    void sectionOutOfOrder() {
        String source = replaceOnce(original(), "三、知识产权保护方面（共2项）", "四、知识产权保护方面（共2项）");
        assertEquals(at(92) + "section 四 is out of order; expected section 3", buildError(source));
    }

    @Test
    void extraCellInAMeasure() {
        String source = replaceOnce(original(), "\t海关总署\n\t全国\n", "\t海关总署\n\t全国\n\t全国\n");
        assertEquals(at(85) + "measure 12 has an unexpected fifth cell \"全国\"; expected the next measure number "
                + "or a section heading", buildError(source));
    }

    @Test
    void wrongTableHeader() {
        String source = replaceOnce(original(), "\t指导部门\n", "\t牵头部门\n");
        assertEquals(at(6) + "expected the table header cell \"指导部门\" (header: 序号 | 改革举措 | 主要内容 | 指导部门 | "
                + "推广范围), found \"牵头部门\"", buildError(source));
    }

    @Test
    void emptyFile() {
        assertEquals(sourceFile(dir.resolve("data")) + ": the file is empty; expected a list title, the table header "
                + "序号 | 改革举措 | 主要内容 | 指导部门 | 推广范围 and sections of measures", buildError("\n\u00A0\n"));
    }

    @Test
    void notUtf8() {
        Path data = dataWith(dir, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        SourceException error = assertThrows(SourceException.class, () -> GraphStore.create().data(data).build());
        assertEquals(sourceFile(data) + ": the file is not valid UTF-8 text; expected a UTF-8 list", error.getMessage());
    }

    @Test
    void declaredCountTooLargeForANumber() {
        String source = replaceOnce(original(), "一、科技金融创新方面（共7项）", "一、科技金融创新方面（共99999999999项）");
        assertEquals(at(9) + "section 一 declares 99999999999 measures; expected a count below 10000000",
                buildError(source));
    }

    @Test
    void longCellsAreCutBetweenCharacters() {
        String cell = "x".repeat(59) + "\uD83D\uDE00\uD83D\uDE00";
        String source = replaceOnce(original(), "\t指导部门\n", "\t" + cell + "\n");
        assertEquals(at(6) + "expected the table header cell \"指导部门\" (header: 序号 | 改革举措 | 主要内容 | 指导部门 | "
                + "推广范围), found \"" + "x".repeat(59) + "\uD83D\uDE00…\"", buildError(source));
    }
}
