package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code reform-kg queries} and {@code reform-kg query}, run through picocli with captured output. */
class QueryCommandTest {
    /** Exit status, standard output and standard error of one run. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void queriesListsEveryNameWithItsQuestionAndParameters() {
        Run run = run("queries", "--lang", "en");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("cq1-co-guidance-pairs\n    Which bodies jointly guide the measures of a category"
                + " (by default science and technology finance innovation), and on how many measures does each pair"
                + " work together?\n    --param category=tech-finance\n"), run.out());
        assertTrue(run.out().contains("body-connection\n    How is body A connected to body B?"), run.out());
        assertTrue(run.out().contains("--param from=SPC --param to=MOF\n"), run.out());
        assertTrue(run("queries").out().contains("cq5-single-body-measures\n    哪些举措只有一个指导部门？\n"));
    }

    @Test
    void queryPrintsATable() {
        Run run = run("query", "cq5-single-body-measures");
        assertEquals(0, run.status(), run.err());
        assertEquals("""
                number  title                                                   body
                ------------------------------------------------------------------------
                12      生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制  海关总署
                (1 row)
                """, run.out());
    }

    @Test
    void queryWithParametersFormatAndLanguage() throws Exception {
        Run csv = run("query", "body-connection", "--param", "from=最高人民法院", "--param", "to=财政部", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        assertEquals("""
                step,from,fromLabel,to,toLabel,measures\r
                1,https://w3id.org/reform-kg/body/SPC,最高人民法院,https://w3id.org/reform-kg/body/CNIPA,知识产权局,14\r
                2,https://w3id.org/reform-kg/body/CNIPA,知识产权局,https://w3id.org/reform-kg/body/MOST,科技部,10\r
                3,https://w3id.org/reform-kg/body/MOST,科技部,https://w3id.org/reform-kg/body/MOF,财政部,"2, 3, 9"\r
                """, csv.out());
        Run tsv = run("query", "cq1-co-guidance-pairs", "-p", "category=talent", "--format", "tsv", "--lang", "en");
        assertEquals(0, tsv.status(), tsv.err());
        assertEquals("bodyA\tbodyB\tmeasures\tnumbers", tsv.out().lines().findFirst().orElseThrow());
        assertEquals(11, tsv.out().lines().count(), "five bodies guide measure 16: ten pairs");
        assertTrue(tsv.out().contains("Ministry of Education\tMinistry of Finance\t1\t16\n"), tsv.out());
        Run json = run("query", "cq8-measures-in-place", "--param", "place=黄山", "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode answer = new ObjectMapper().readTree(json.out());
        assertEquals(11, answer.get("count").asInt());
        assertEquals("cq8-measures-in-place", answer.get("name").asText());
    }

    @Test
    void anUnknownQueryIsExitTwoListingTheQueries() {
        Run run = run("query", "cq9");
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: no query named \"cq9\"; the queries are: bodies-never-co-guiding, "),
                run.err());
        assertEquals("", run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void badParametersAndOptionsAreExitTwoWithAMessage() {
        Run unknown = run("query", "cq1-co-guidance-pairs", "--param", "categroy=talent");
        assertEquals(2, unknown.status());
        assertEquals("error: query cq1-co-guidance-pairs has no parameter \"categroy\"; its parameters are: category\n",
                unknown.err());
        Run malformed = run("query", "cq1-co-guidance-pairs", "--param", "talent");
        assertEquals(2, malformed.status());
        assertEquals("error: --param takes KEY=VALUE, found \"talent\"\n", malformed.err());
        Run value = run("query", "body-partners", "--param", "body=国防部");
        assertEquals(2, value.status());
        assertTrue(value.err().startsWith("error: parameter body: no body is named \"国防部\"; the bodies are: CBIRC"),
                value.err());
        Run format = run("query", "cq2-measures-per-body", "--format", "xml");
        assertEquals(2, format.status());
        assertEquals("error: unknown format \"xml\"; use one of: table, csv, tsv, json\n", format.err());
        Run language = run("query", "cq2-measures-per-body", "--lang", "fr");
        assertEquals(2, language.status());
        assertEquals("error: unknown language \"fr\"; use one of: zh, en\n", language.err());
    }

    @Test
    void aPageSaysWhereTheNextStartsAndABadLimitIsExitTwo() {
        Run table = run("query", "cq8-measures-in-place", "--param", "place=黄山", "--param", "limit=2",
                "--param", "offset=1");
        assertEquals(0, table.status(), table.err());
        assertEquals(List.of("2", "5"), table.out().lines().skip(2).limit(2).map(line -> line.split(" ")[0]).toList());
        assertTrue(table.out().endsWith("\n(2 rows; more from --param offset=3)\n"), table.out());
        Run last = run("query", "cq8-measures-in-place", "--param", "place=黄山", "--param", "offset=10");
        assertTrue(last.out().endsWith("\n(1 row)\n"), last.out());
        Run csv = run("query", "keyword-search", "--param", "limit=1", "--format", "csv");
        assertEquals(0, csv.status(), csv.err());
        assertEquals("number,title,inTitle,inContent\r\n3,政银保联动授信担保提供科技型中小企业长期集合信贷机制,true,true\r\n",
                csv.out());
        assertEquals("more rows follow: --param offset=1\n", csv.err());
        Run tooMany = run("query", "measures-in-place", "--param", "limit=1001");
        assertEquals(2, tooMany.status());
        assertEquals("error: parameter limit takes a whole number from 1 to 1000 (rows per page), found \"1001\"; page "
                + "through longer answers with offset\n", tooMany.err());
        Run negative = run("query", "measures-in-place", "--param", "offset=-1");
        assertEquals(2, negative.status());
        assertEquals("error: parameter offset takes a whole number, 0 or more (rows to skip), found \"-1\"\n",
                negative.err());
    }
}
