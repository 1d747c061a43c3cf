package io.reformkg.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reformkg.query.QueryCatalog;
import java.io.File;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in real headless Chromium (Debian's chromium and chromedriver) against a real
 * server: what an analyst does, with the answers the data gives. One browser and one server for
 * the class; each test starts from a fresh page, saves a screenshot to target/screenshots/ and
 * fails if the browser console logged an error.
 */
class ExplorerBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String MEASURE = "https://w3id.org/reform-kg/list/3/measure/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExplorerServer server;
    private static ChromeDriver driver;
    private static Path profile;
    /** Where the browser saves downloads. */
    private static Path downloads;
    private static final List<String> refusedLoads = new java.util.ArrayList<>();
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "the browser tests need Debian's chromium at " + CHROMIUM
                + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        server = new ExplorerServer();
        profile = Files.createTempDirectory("reform-kg-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // downloads are saved where the tests read them, as a user's browser saves them
        downloads = Files.createDirectories(profile.resolve("downloads"));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @AfterEach
    void screenshotAndConsole(TestInfo test) throws IOException {
        String name = test.getTestMethod().orElseThrow().getName();
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> refusedLoads.stream().noneMatch(refused -> message.contains(refused)
                        && message.contains("the server responded with a status of 400")))
                .toList();
        refusedLoads.clear();
        driver.manage().window().setSize(new Dimension(1280, 900));
        // the next test starts in Chinese, whatever language this one chose (kept in the origin's localStorage)
        script("localStorage.clear()");
        assertEquals(List.of(), errors, "the browser console logged errors");
    }

    /**
     * Chrome logs every 4xx load as a console error; a test that makes the server refuse a
     * request on purpose names it here (a fragment of its URL), and only that 400 is let through.
     */
    private static void expectRefusedLoads(String urlFragment) {
        refusedLoads.add(urlFragment);
    }

    /** Loads the page afresh at a view (the part after #). */
    private static void open(String view) {
        driver.get("about:blank");
        driver.get(server.root + "/#" + view);
        wait.until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /**
     * Runs {@code body} as a function with the page's own state in {@code state} (the module
     * state.js, which the page shares with this import) and the network's Cytoscape in {@code cy};
     * returns what it returns. The page puts nothing on window for tests.
     */
    private static Object withState(String body, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const args = [...arguments].slice(0, -1);"
                + "import('/explorer/state.js').then(({state}) => {"
                + "  const cy = state.network ? state.network.cy : null;"
                + "  return (function () {" + body + "}).apply(null, args);"
                + "}).then(done, (error) => done('failed: ' + error));", arguments);
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void waitForText(String id, String expected) {
        wait.until(ExpectedConditions.textToBe(By.id(id), expected));
    }

    /** Waits for the elements' texts to become {@code expected}, then asserts them (failing with what is shown). */
    private static void waitForTexts(String css, List<String> expected) {
        waitForTexts(css, expected, UnaryOperator.identity());
    }

    /** The same, on the part of each text that {@code part} keeps. */
    private static void waitForTexts(String css, List<String> expected, UnaryOperator<String> part) {
        try {
            wait.until(d -> texts(css).stream().map(part).toList().equals(expected));
        } catch (TimeoutException shownOtherwise) {
            assertEquals(expected, texts(css).stream().map(part).toList());
        }
    }

    private static String hash() {
        return URLDecoder.decode(String.valueOf(script("return location.hash")), StandardCharsets.UTF_8);
    }

    @Test
    void keywordSearchFindsTheIntellectualPropertyMeasures() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        driver.findElement(By.id("keyword")).sendKeys("知识产权");
        waitForText("result-count", "共 2 项举措");
        assertEquals(List.of("第 14 项 建立跨区域的知识产权远程诉讼平台", "第 15 项 建立提供全方位证据服务的知识产权公证服务平台"),
                texts("#results .result-title"));
        assertTrue(hash().contains("q=知识产权"), hash());
        // both are pilot-region measures in 知识产权保护, guided by 知识产权局 with a court or ministry
        assertEquals("知识产权保护 (2)", new Select(driver.findElement(By.id("facet-category")))
                .getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith("知识产权保护")).findFirst().orElseThrow());
        assertEquals(List.of("知识产权保护 8个全面创新改革试验区域 指导部门：最高人民法院、知识产权局",
                "知识产权保护 8个全面创新改革试验区域 指导部门：司法部、知识产权局"), texts("#results .meta").stream()
                .map(t -> t.replaceAll("\\s+", " ").trim()).toList());
    }

    @Test
    void markupInTheKeywordStaysText() {
        open("search?q=" + java.net.URLEncoder.encode("<img src=x onerror=\"window.injected=1\">知识产权",
                StandardCharsets.UTF_8));
        waitForText("result-count", "共 0 项举措");
        assertEquals("<img src=x onerror=\"window.injected=1\">知识产权", driver.findElement(By.id("keyword")).getAttribute("value"));
        assertEquals(0L, script("return document.querySelectorAll('main img').length"));
        assertEquals(null, script("return window.injected === undefined ? null : window.injected"));
        assertEquals(List.of("没有符合条件的举措。"), texts("#results li"));
    }

    @Test
    void filtersChangeTheCountsAndTheUrlKeepsThem() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        assertEquals("科技部 (9)", optionText("facet-body", "科技部"));
        assertEquals("全国 (11)", optionText("facet-scope", "全国"));
        assertEquals("8个全面创新改革试验区域 (5)", optionText("facet-scope", "8个"));
        new Select(driver.findElement(By.id("facet-category"))).selectByValue("tech-finance");
        waitForText("result-count", "共 7 项举措");
        wait.until(d -> optionText("facet-body", "科技部").equals("科技部 (5)"));
        assertEquals("全国 (4)", optionText("facet-scope", "全国"));
        assertEquals("8个全面创新改革试验区域 (3)", optionText("facet-scope", "8个"));
        // the category's own counts leave the category out, so the other values stay choosable
        assertEquals("科技管理体制创新 (6)", optionText("facet-category", "科技管理体制创新"));
        assertEquals("军民深度融合 (0)", optionText("facet-category", "军民深度融合"));
        assertTrue(hash().contains("category=tech-finance"), hash());

        // a pilot-region measure applies in 合肥 (member 3401) but not in 黄山 (3410)
        new Select(driver.findElement(By.id("facet-place"))).selectByValue("3410");
        waitForText("result-count", "共 4 项举措");
        new Select(driver.findElement(By.id("facet-place"))).selectByValue("3401");
        waitForText("result-count", "共 7 项举措");
        assertEquals("合肥市 (7)", optionText("facet-place", "合肥市"));
        assertEquals("黄山市 (4)", optionText("facet-place", "黄山市"));

        // the URL is the view: opening it afresh shows the same filters and results
        String shared = String.valueOf(script("return location.hash")).substring(1);
        open(shared);
        waitForText("result-count", "共 7 项举措");
        assertEquals("tech-finance", new Select(driver.findElement(By.id("facet-category")))
                .getFirstSelectedOption().getAttribute("value"));
        assertEquals("3401", new Select(driver.findElement(By.id("facet-place"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void theResultListShowsAPageAtATimeWithAMoreButton() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        WebElement more = driver.findElement(By.id("results-more"));
        assertFalse(more.isDisplayed(), "the 16 measures fit on the first page");
        // pages of five, so that the 16-measure list pages
        withState("state.searchPageSize = 5; location.hash = '#search?category=tech-finance'");
        waitForText("result-count", "共 7 项举措");
        wait.until(d -> resultNumbers().equals(List.of("1", "2", "3", "4", "5")));
        assertTrue(more.isDisplayed());
        assertEquals("显示更多", more.getText());
        // the counts beside the filters count every match, not the page
        assertEquals("科技部 (5)", optionText("facet-body", "科技部"));
        more.click();
        wait.until(d -> resultNumbers().equals(List.of("1", "2", "3", "4", "5", "6", "7")));
        wait.until(d -> !more.isDisplayed());
        assertEquals("共 7 项举措", text("result-count"));

        // another search starts again at its first page; the pages add up to the whole list
        script("location.hash = '#search'");
        waitForText("result-count", "共 16 项举措");
        wait.until(d -> resultNumbers().size() == 5);
        for (int shown : List.of(10, 15, 16)) {
            more.click();
            wait.until(d -> resultNumbers().size() == shown);
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"),
                resultNumbers());
        wait.until(d -> !more.isDisplayed());
    }

    private static List<String> resultNumbers() {
        return driver.findElements(By.cssSelector("#results li.result")).stream()
                .map(item -> item.getAttribute("data-number")).toList();
    }

    private static String optionText(String selectId, String prefix) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream().map(WebElement::getText)
                .filter(t -> t.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + selectId));
    }

    @Test
    void aMeasureShowsItsBodiesInOrderItsPlacesAndItsRdf() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        driver.findElement(By.cssSelector("#results li[data-number='3'] a")).click();
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        assertEquals(List.of("财政部（中华人民共和国财政部） 牵头", "科技部（中华人民共和国科学技术部）", "人民银行（中国人民银行）",
                "银保监会（中国银行保险监督管理委员会）"), texts("#measure-bodies li"));
        assertTrue(text("measure-content").startsWith("政府集中遴选科技型中小企业并建立银行贷款风险分担机制"));
        assertTrue(text("measure-facts").contains("科技金融创新"), text("measure-facts"));
        assertTrue(text("measure-facts").contains("batch-3-innovation-reform-measures.txt 第 23 行"), text("measure-facts"));
        List<String> places = texts("#measure-places li");
        assertEquals(8, places.size(), places.toString());
        assertTrue(places.stream().anyMatch(p -> p.startsWith("安徽（合芜蚌）") && p.contains("合肥市")), places.toString());
        String turtle = driver.findElement(By.cssSelector("#measure-rdf a[data-format='ttl']")).getAttribute("href");
        assertEquals(server.root + "/list/3/measure/3.ttl", turtle);
        HttpResponse<byte[]> document = server.get("/list/3/measure/3.ttl");
        assertEquals(200, document.statusCode());
        assertTrue(ExplorerServer.text(document).contains("政银保联动"));
        // the source line links to the source document's page, in the page's language
        WebElement source = driver.findElement(By.xpath("//dl[@id='measure-facts']//a[contains(., '第 23 行')]"));
        assertEquals("batch-3-innovation-reform-measures.txt 第 23 行", source.getText());
        assertTrue(source.getAttribute("href").startsWith(server.root + "/") && source.getAttribute("href").endsWith(".html?lang=zh"),
                source.getAttribute("href"));
        source.click();
        assertEquals("batch-3-innovation-reform-measures.txt", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void aBodyShowsItsNamesSuccessorMeasuresAndPartners() {
        open("body?id=CBIRC");
        waitForText("body-title", "中国银行保险监督管理委员会");
        String facts = text("body-facts");
        assertTrue(facts.contains("银保监会") && facts.contains("China Banking and Insurance Regulatory Commission")
                && facts.contains("CBIRC"), facts);
        assertTrue(facts.contains("职能已划入 国家金融监督管理总局（2023-05-18）"), facts);
        // the measures arrive with their own query, after the title
        waitForTexts("#body-measures li a", List.of("1", "3", "4", "5", "6", "7"),
                t -> t.replaceAll("^第 (\\d+) 项.*", "$1"));
        assertEquals(List.of("人民银行 5", "科技部 4", "财政部 2", "发展改革委 1"), driver.findElements(
                By.cssSelector("#body-partners tbody tr")).stream().map(row -> row.findElements(By.tagName("td")))
                .map(cells -> cells.get(0).getText() + " " + cells.get(1).getText()).toList());
        // a partner's shared measures are listed on demand
        WebElement withFinance = driver.findElements(By.cssSelector("#body-partners tbody tr")).get(2);
        withFinance.findElement(By.tagName("button")).click();
        wait.until(d -> withFinance.findElements(By.cssSelector("ul.shared li a")).size() == 2);
        assertEquals(List.of("第 3 项", "第 4 项"), withFinance.findElements(By.cssSelector("ul.shared li a")).stream()
                .map(link -> link.getText().replaceAll("^(第 \\d+ 项).*", "$1")).toList());
    }

    @Test
    void aBodysMeasuresComeAPageAtATime() {
        open("search");
        withState("state.listPageSize = 4; location.hash = '#body?id=CBIRC'");
        waitForText("body-title", "中国银行保险监督管理委员会");
        wait.until(d -> texts("#body-measures li a").size() == 4);
        WebElement more = driver.findElement(By.cssSelector("#body-measures button.more"));
        more.click();
        wait.until(d -> texts("#body-measures li a").size() == 6);
        assertEquals(List.of("1", "3", "4", "5", "6", "7"), texts("#body-measures li a").stream()
                .map(t -> t.replaceAll("^第 (\\d+) 项.*", "$1")).toList());
        assertTrue(driver.findElements(By.cssSelector("#body-measures button.more")).stream().noneMatch(WebElement::isDisplayed),
                "no more pages");
    }

    @Test
    void theNetworkHasThirteenBodiesAndFiltersByCategory() {
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0")
                .equals(13L));
        assertEquals(25L, withState("return cy.edges().length"));
        assertEquals(9L, withState("return cy.getElementById(arguments[0]).data('weight')",
                "https://w3id.org/reform-kg/body/MOST"));
        assertEquals(5L, withState("return cy.getElementById(arguments[0]).data('weight')",
                "https://w3id.org/reform-kg/body/CBIRC|https://w3id.org/reform-kg/body/PBOC"));
        // a node's measures, reached from the keyboard-friendly list beside the graph
        driver.findElements(By.cssSelector("#network-nodes button")).stream()
                .filter(b -> b.getText().startsWith("海关总署")).findFirst().orElseThrow().click();
        waitForText("network-detail-title", "海关总署指导的举措（1 项）");
        // the title is set at once, the measures arrive with their query
        waitForTexts("#network-detail li:not(.plain) a", List.of("第 12 项 生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制"));
        // an edge's measures, as a click on it would show
        withState("cy.getElementById(arguments[0]).emit('tap')",
                "https://w3id.org/reform-kg/body/CBIRC|https://w3id.org/reform-kg/body/MOST");
        waitForText("network-detail-title", "银保监会与科技部共同指导的举措（4 项）");
        // and from the keyboard: a node's partners lead to the shared measures
        driver.findElements(By.cssSelector("#network-nodes button")).stream()
                .filter(b -> b.getText().startsWith("知识产权局")).findFirst().orElseThrow().click();
        waitForText("network-detail-title", "知识产权局指导的举措（3 项）");
        List<String> partners = texts("#network-partners button.edge");
        assertEquals(4, partners.size(), partners.toString());
        assertEquals(java.util.Set.of("与科技部共同指导 1 项 →", "与发展改革委共同指导 1 项 →", "与司法部共同指导 1 项 →",
                "与最高人民法院共同指导 1 项 →"), java.util.Set.copyOf(partners));
        driver.findElements(By.cssSelector("#network-partners button.edge")).stream()
                .filter(b -> b.getText().contains("最高人民法院")).findFirst().orElseThrow().click();
        waitForText("network-detail-title", "知识产权局与最高人民法院共同指导的举措（1 项）");
        waitForTexts("#network-detail li a", List.of("第 14 项 建立跨区域的知识产权远程诉讼平台"));
        new Select(driver.findElement(By.id("network-category"))).selectByValue("ip-protection");
        wait.until(d -> withState("return cy.nodes().length").equals(3L));
        assertEquals(2L, withState("return cy.edges().length"));
    }

    @Test
    void aThreeLinkChainJoinsTheSupremeCourtToTheMinistryOfFinance() {
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(13L));
        new Select(driver.findElement(By.id("connection-from"))).selectByValue("SPC");
        new Select(driver.findElement(By.id("connection-to"))).selectByValue("MOF");
        driver.findElement(By.id("connection-find")).click();
        wait.until(d -> !texts("#connection-path li.step").isEmpty());
        List<String> steps = texts("#connection-path li.step");
        assertEquals(3, steps.size(), steps.toString());
        assertTrue(steps.get(0).startsWith("最高人民法院 — 知识产权局"), steps.toString());
        assertTrue(steps.get(2).contains("— 财政部"), steps.toString());
        assertEquals(4L, withState("return cy.nodes('.path').length"));
        assertEquals(3L, withState("return cy.edges('.path').length"));
        assertTrue(hash().contains("from=SPC") && hash().contains("to=MOF"), hash());
    }

    @Test
    void everySparqlExampleLoadsWithItsDefaultsAndAnswers() throws IOException {
        open("sparql");
        QueryCatalog catalog = QueryCatalog.load();
        wait.until(d -> !driver.findElements(By.cssSelector("#sparql-examples option")).isEmpty());
        List<String> examples = driver.findElements(By.cssSelector("#sparql-examples option")).stream()
                .map(option -> option.getAttribute("value")).toList();
        assertEquals(catalog.names(), examples, "the analyst's questions, none of the explorer's own");
        for (String name : examples) {
            String sparql = catalog.get(name).sparql();
            // what the endpoint answers to the file as written: its variables and number of rows
            JsonNode expected = JSON.readTree(server.get("/kg/sparql?query="
                    + URLEncoder.encode(sparql, StandardCharsets.UTF_8), "Accept", "application/sparql-results+json").body());
            List<String> variables = new ArrayList<>();
            expected.get("head").get("vars").forEach(variable -> variables.add(variable.asText()));
            long rows = expected.get("results").get("bindings").size();
            assertTrue(rows > 0, name);
            new Select(driver.findElement(By.id("sparql-examples"))).selectByValue(name);
            driver.findElement(By.cssSelector("#sparql-examples-form button")).click();
            try {
                wait.until(d -> sparql.equals(withState("return state.yasgui.getTab().getYasqe().getValue()"))
                        && variables.equals(withState("const r = state.yasgui.getTab().getYasr().results; "
                        + "return r ? r.getVariables() : null"))
                        && Long.valueOf(rows).equals(withState("const r = state.yasgui.getTab().getYasr().results; "
                        + "return r ? r.getBindings().length : null")));
            } catch (TimeoutException shownOtherwise) {
                assertEquals(name + " " + variables + " " + rows, name + " " + withState("const r = state.yasgui.getTab()"
                        + ".getYasr().results; return r ? r.getVariables() + ' ' + r.getBindings().length : 'none'"));
            }
        }
        assertTrue(hash().startsWith("#sparql?example=" + examples.get(examples.size() - 1)), hash());
    }

    @Test
    void theSparqlEditorsRowNumbersStandApartFromTheFirstColumn() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        open("sparql?example=cq2-measures-per-body");
        wait.until(d -> driver.findElements(By.cssSelector(".yasr table tbody tr")).size() == 13);
        // YASR's row numbers ran into the first value ("10司法部"); each needs a gap and all of its digits
        Object crowded = script("const textBox = (element) => { const range = document.createRange();"
                + " range.selectNodeContents(element); return range.getBoundingClientRect(); };"
                + " return [...document.querySelectorAll('.yasr table tbody tr')].filter((row) => {"
                + " const number = row.querySelector('.rowNumber'); const value = row.children[1];"
                + " return textBox(value).left - textBox(number).right < 8"
                + " || textBox(number).right > number.getBoundingClientRect().right + 0.5; })"
                + ".map((row) => row.querySelector('.rowNumber').textContent).join(',')");
        assertEquals("", crowded, "row numbers without a gap before the first column, or cut");
        assertEquals(List.of("10", "11", "12", "13"), driver.findElements(By.cssSelector(".yasr .rowNumber")).stream()
                .skip(9).map(WebElement::getText).toList());
    }

    @Test
    void theSparqlEditorsShareLinkReopensTheEditorWithItsQuery() {
        open("sparql?example=cq2-measures-per-body");
        wait.until(d -> driver.findElements(By.cssSelector(".yasr table tbody tr")).size() == 13);
        String edited = "PREFIX rkg: <https://w3id.org/reform-kg/def/>\n"
                + "SELECT ?name WHERE { ?b a rkg:GuidingBody ; rkg:listName ?name } ORDER BY ?name LIMIT 3";
        withState("state.yasgui.getTab().setQuery(arguments[0])", edited);
        String link = String.valueOf(withState("const yasqe = state.yasgui.getTab().getYasqe(); "
                + "return yasqe.config.createShareableLink(yasqe)"));
        driver.get("about:blank");
        driver.get(link);
        wait.until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
        assertEquals(null, driver.findElement(By.id("view-sparql")).getAttribute("hidden"), "the editor is shown");
        wait.until(d -> driver.findElements(By.cssSelector(".yasr table tbody tr")).size() == 3);
        assertEquals(edited, withState("return state.yasgui.getTab().getYasqe().getValue()"));
        // the examples show that the query is the analyst's own; a link holding an example's text shows that example
        assertEquals("自定义查询", new Select(driver.findElement(By.id("sparql-examples"))).getFirstSelectedOption().getText());
        String example = String.valueOf(withState("return state.catalog.find((q) => q.name === 'cq5-single-body-measures').sparql"));
        driver.get("about:blank");
        driver.get(server.root + "/#sparql?query=" + URLEncoder.encode(example, StandardCharsets.UTF_8).replace("+", "%20"));
        wait.until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
        wait.until(d -> !driver.findElements(By.cssSelector(".yasr table tbody tr")).isEmpty());
        assertEquals("cq5-single-body-measures", new Select(driver.findElement(By.id("sparql-examples")))
                .getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void openInTheSparqlEditorCarriesTheFormsValues() {
        open("ask?query=cq1-co-guidance-pairs");
        new Select(driver.findElement(By.id("ask-param-category"))).selectByValue("ip-protection");
        driver.findElement(By.cssSelector("#ask-form button.link")).click();
        wait.until(d -> String.valueOf(withState("return state.yasgui.getTab().getYasqe().getValue()"))
                .contains("VALUES ?category { <https://w3id.org/reform-kg/category/ip-protection> }"));
        // the two pairs of the intellectual-property measures, as Ask answers them
        wait.until(d -> driver.findElements(By.cssSelector(".yasr table tbody tr")).size() == 2);
        String table = driver.findElement(By.cssSelector(".yasr table tbody")).getText();
        assertTrue(table.contains("最高人民法院") && table.contains("司法部"), table);
        assertTrue(hash().contains("example=cq1-co-guidance-pairs") && hash().contains("category=ip-protection"), hash());
    }

    @Test
    void askWithoutSparqlGivesATableAChartAndCsv() {
        open("ask");
        driver.findElement(By.cssSelector("#ask-queries a[data-query='cq1-co-guidance-pairs']")).click();
        new Select(driver.findElement(By.id("ask-param-category"))).selectByValue("tech-finance");
        driver.findElement(By.cssSelector("#ask-form button[type='submit']")).click();
        waitForText("ask-count", "10 行结果");
        List<String> pairs = driver.findElements(By.cssSelector("#ask-table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .map(cells -> cells.get(0).getText() + "–" + cells.get(1).getText() + " " + cells.get(2).getText())
                .toList();
        assertEquals(List.of("人民银行–银保监会 5", "科技部–银保监会 4", "人民银行–科技部 3", "人民银行–财政部 2", "科技部–财政部 2",
                "财政部–银保监会 2", "人民银行–发展改革委 1", "发展改革委–科技部 1", "发展改革委–财政部 1", "发展改革委–银保监会 1"), pairs);
        assertEquals("部门甲（名称排序在前者）", driver.findElement(By.cssSelector("#ask-table th")).getText());
        assertEquals(10L, script("return Chart.getChart('ask-chart').data.labels.length"));
        assertEquals(5L, script("return Chart.getChart('ask-chart').data.datasets[0].data[0]"));
        String csv = driver.findElement(By.id("ask-csv")).getAttribute("href");
        assertTrue(csv.contains("category=tech-finance") && csv.contains("format=csv"), csv);
        HttpResponse<byte[]> download = server.get(csv.substring(server.root.length()));
        assertEquals(200, download.statusCode());
        List<String> lines = ExplorerServer.text(download).strip().lines().toList();
        assertEquals(11, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("人民银行,银保监会,5"), lines.get(1));

        // another category, from the list: the form keeps its state in the URL
        new Select(driver.findElement(By.id("ask-param-category"))).selectByValue("ip-protection");
        driver.findElement(By.cssSelector("#ask-form button[type='submit']")).click();
        waitForText("ask-count", "2 行结果");
        assertTrue(hash().contains("query=cq1-co-guidance-pairs") && hash().contains("category=ip-protection"), hash());

        // a place picked from the list: 黄山 gets the 11 nationwide measures, 合肥 all 16
        driver.findElement(By.cssSelector("#ask-queries a[data-query='cq8-measures-in-place']")).click();
        wait.until(d -> !driver.findElements(By.id("ask-param-place")).isEmpty());
        new Select(driver.findElement(By.id("ask-param-place"))).selectByValue("3410");
        driver.findElement(By.cssSelector("#ask-form button[type='submit']")).click();
        waitForText("ask-count", "11 行结果");
        // measure numbers label rows; with nothing counted there is no chart
        assertEquals(true, script("return document.getElementById('ask-chart').parentElement.hidden"));
        new Select(driver.findElement(By.id("ask-param-place"))).selectByValue("3401");
        driver.findElement(By.cssSelector("#ask-form button[type='submit']")).click();
        waitForText("ask-count", "16 行结果");

        // a paged query shows its limit and offset; a page that is cut says where the next starts
        assertEquals("100", driver.findElement(By.id("ask-param-limit")).getAttribute("value"));
        driver.findElement(By.id("ask-param-limit")).clear();
        driver.findElement(By.id("ask-param-limit")).sendKeys("5");
        driver.findElement(By.id("ask-param-offset")).clear();
        driver.findElement(By.id("ask-param-offset")).sendKeys("10");
        driver.findElement(By.cssSelector("#ask-form button[type='submit']")).click();
        waitForText("ask-count", "第 11–15 行 （还有更多）");
        assertEquals(List.of("11", "12", "13", "14", "15"), driver.findElements(By.cssSelector("#ask-table tbody tr"))
                .stream().map(row -> row.findElement(By.tagName("td")).getText()).toList());
    }

    /** An earlier question's late answer, or late error, never replaces the later question's answer. */
    @ParameterizedTest
    @ValueSource(strings = {"answer", "error"})
    void aLateReplyToAnEarlierQuestionDoesNotReplaceTheLaterAnswer(String lateReply) {
        open("ask");
        // 合肥's reply is held back until after 黄山's, asked second, has been shown
        assertHeldRepliesDoNotReplace("place=3401", lateReply, "#ask?query=cq8-measures-in-place&place=3401",
                "#ask?query=cq8-measures-in-place&place=3410", "ask-count", "11 行结果");
        assertEquals("3410", new Select(driver.findElement(By.id("ask-param-place"))).getFirstSelectedOption().getAttribute("value"));
    }

    /** A search's late results, or late error, never replace those of the search made after it. */
    @ParameterizedTest
    @ValueSource(strings = {"answer", "error"})
    void aLateReplyToAnEarlierSearchDoesNotReplaceTheLaterResults(String lateReply) {
        open("search");
        waitForText("result-count", "共 16 项举措");
        // every reply of the search for 担保 (its page and counts) is held back until after 知识产权's, searched second
        assertHeldRepliesDoNotReplace("keyword=担保", lateReply, "#search?q=担保", "#search?q=知识产权",
                "result-count", "共 2 项举措");
        assertEquals(List.of("14", "15"), driver.findElements(By.cssSelector("#results .result")).stream()
                .map(result -> result.getAttribute("data-number")).sorted().toList());
    }

    /**
     * From now on, every fetch of the page whose decoded URL contains {@code urlPart} waits 1.5 s,
     * then gets the server's reply ("answer"), a 400 with an English message ("error") or no reply
     * at all, as with the network cut ("offline"). Counts them in window.heldAsked and heldAnswered.
     */
    private static void holdFetches(String urlPart, String reply) {
        script("const plain = window.fetch; const part = arguments[0]; const kind = arguments[1];"
                + "const reply = kind === 'error' ? () => new Response('held back and refused', {status: 400})"
                + "  : kind === 'offline' ? () => Promise.reject(new TypeError('Failed to fetch'))"
                + "  : (url, init) => plain(url, init);"
                + "window.heldAsked = 0; window.heldAnswered = 0;"
                + "window.fetch = (url, init) => decodeURIComponent(String(url)).includes(part)"
                + "  ? (window.heldAsked++, new Promise((go) => setTimeout(go, 1500)))"
                + "      .then(() => reply(url, init)).finally(() => window.heldAnswered++)"
                + "  : plain(url, init);", urlPart, reply);
    }

    /**
     * Holds back, for 1.5 s, every fetch of the page whose decoded URL contains {@code heldUrlPart},
     * then gives it the server's reply or, when {@code lateReply} is "error", a 400. Goes to
     * {@code earlier}, whose fetches are held, then to {@code later}; once {@code later} shows
     * {@code shown} in the element {@code shownId} and every held reply has come, asserts that for
     * two seconds it still shows that and the status line stays empty.
     */
    private void assertHeldRepliesDoNotReplace(String heldUrlPart, String lateReply, String earlier, String later,
                                               String shownId, String shown) {
        holdFetches(heldUrlPart, lateReply);
        script("location.hash = arguments[0]", earlier);
        wait.until(d -> Boolean.TRUE.equals(script("return window.heldAsked > 0")));
        script("location.hash = arguments[0]", later);
        waitForText(shownId, shown);
        wait.until(d -> Boolean.TRUE.equals(script("return window.heldAnswered === window.heldAsked")));
        WebDriverWait aWhile = new WebDriverWait(driver, Duration.ofSeconds(2));
        assertThrows(TimeoutException.class, () -> aWhile.until(d -> !shown.equals(text(shownId))
                || !text("status").isEmpty()), "the late " + lateReply + " of " + earlier + " replaced " + later);
        assertEquals("", text("status"));
    }

    /** Issue 30, 1: a failed load takes the old content away and says why, in the view and in the page's language. */
    @Test
    void anErrorTakesTheOldContentAwayAndSaysWhyInThePagesLanguage() {
        open("measure?iri=" + URLEncoder.encode(MEASURE + "3", StandardCharsets.UTF_8));
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        // the server refuses an IRI that names nothing (400), and the view says there is no such measure
        expectRefusedLoads("measure=" + URLEncoder.encode(MEASURE + "99", StandardCharsets.UTF_8));
        script("location.hash = arguments[0]", "#measure?iri=" + URLEncoder.encode(MEASURE + "99", StandardCharsets.UTF_8));
        waitForText("status", "清单中没有这项举措（" + MEASURE + "99）。");
        assertFalse(driver.findElement(By.id("measure-title")).isDisplayed(), "measure 3 is still shown");
        assertTrue(driver.findElement(By.id("status")).isDisplayed());
        assertEquals(true, script("return document.getElementById('view-measure').contains(document.getElementById('status'))"));

        // a search the server refuses: said in Chinese, its own (English) words under it, no old results
        open("search");
        waitForText("result-count", "共 16 项举措");
        holdFetches("keyword=担保", "error");
        driver.findElement(By.id("keyword")).sendKeys("担保");
        waitForText("status", "服务器拒绝了这个请求，请检查输入。\n服务器说明：held back and refused");
        assertFalse(driver.findElement(By.id("results")).isDisplayed(), "the 16 earlier results are still shown");
        // beside the form, not at the top of the page
        assertEquals(true, script("return document.querySelector('#view-search .search-layout').contains(document.getElementById('status'))"));

        // the network cut: the old results do not stay under the new keyword
        open("search");
        waitForText("result-count", "共 16 项举措");
        holdFetches("keyword=知识产权", "offline");
        driver.findElement(By.id("keyword")).sendKeys("知识产权");
        waitForText("status", "无法连接服务器，请检查网络后重试。");
        assertFalse(driver.findElement(By.id("results")).isDisplayed(), "the 16 earlier results are still shown");
        wait.until(d -> Boolean.TRUE.equals(script("return window.heldAnswered === window.heldAsked")));
        waitForText("status", "无法连接服务器，请检查网络后重试。");

        // in English, in English
        open("body?id=NOPE");
        driver.findElement(By.id("language")).click();
        waitForText("status", "There is no guiding body with the abbreviation “NOPE”.");
        assertFalse(driver.findElement(By.id("body-title")).isDisplayed());
    }

    /** Issue 30, 2: each view says it is loading, with no old content meanwhile; an empty network says why. */
    @Test
    void everyViewSaysItIsLoadingAndAnEmptyNetworkSaysWhy() {
        open("measure?iri=" + URLEncoder.encode(MEASURE + "3", StandardCharsets.UTF_8));
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        holdFetches("/api/queries/", "answer");
        for (String[] view : new String[][] {
                {"#measure?iri=" + URLEncoder.encode(MEASURE + "4", StandardCharsets.UTF_8), "measure-title"},
                {"#body?id=MOST", "body-title"},
                {"#network?category=ip-protection", "network-nodes"},
                {"#dashboard", "dashboard-totals"}}) {
            script("location.hash = arguments[0]", view[0]);
            waitForText("status", "正在加载……");
            assertFalse(driver.findElement(By.id(view[1])).isDisplayed(), view[0] + " shows old content while loading");
            wait.until(d -> text("status").isEmpty() && driver.findElement(By.id(view[1])).isDisplayed());
        }
        assertTrue(text("dashboard-totals").contains("实有举措 16 项"), text("dashboard-totals"));

        open("network?category=civil-military");
        waitForText("network-empty", "“军民深度融合”下没有举措，所以网络为空：清单为这一部分声明了 4 项举措，但实际只收录了 0 项。");
        assertEquals(0L, withState("return cy.nodes().length"));
        open("network?category=ip-protection");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(3L));
        assertFalse(driver.findElement(By.id("network-empty")).isDisplayed());
    }

    /** Issue 30, 3: a keyword naming a place or body is offered as a filter; filters of the URL that name nothing are said; places type ahead; category counts shown. */
    @Test
    void searchSaysWhatAKeywordOrAFilterOfTheUrlNames() {
        open("search?q=合肥");
        waitForText("result-count", "共 0 项举措");
        assertTrue(text("search-note").startsWith("“合肥”是地区名称"), text("search-note"));
        driver.findElement(By.cssSelector("#search-note a.filter-hint")).click();
        waitForText("result-count", "共 16 项举措");
        assertTrue(hash().contains("place=3401") && !hash().contains("q="), hash());
        assertEquals("合肥市", driver.findElement(By.id("place-name")).getAttribute("value"));
        assertFalse(driver.findElement(By.id("search-note")).isDisplayed());

        open("search?q=银保监会");
        waitForText("result-count", "共 0 项举措");
        driver.findElement(By.cssSelector("#search-note a.filter-hint")).click();
        waitForText("result-count", "共 6 项举措");
        assertTrue(hash().contains("body=CBIRC"), hash());

        // a keyword's results say why they matched: the keyword marked in the content, markup of the data as text
        open("search?q=" + URLEncoder.encode("担保", StandardCharsets.UTF_8));
        wait.until(d -> !texts("#results .result").isEmpty());
        List<String> numbers = driver.findElements(By.cssSelector("#results .result")).stream()
                .map(result -> result.getAttribute("data-number")).toList();
        for (String number : numbers) {
            List<String> marks = texts("#results .result[data-number='" + number + "'] .snippet mark");
            assertFalse(marks.isEmpty(), "no snippet for measure " + number);
            assertTrue(marks.stream().allMatch("担保"::equals), number + " " + marks);
        }
        assertFalse(driver.findElement(By.id("results")).getText().contains("<em>"));
        open("search");
        waitForText("result-count", "共 16 项举措");
        assertEquals(0, driver.findElements(By.cssSelector("#results .snippet")).size(), "snippets without a keyword");

        // words apart find the measures holding them all (银行: 1, 3, 4, 5, 7; 担保: 3, 5; 征信: 5), each
        // word marked; 5 holds 担保 in its title only, so its title comes before its content
        open("search?q=" + URLEncoder.encode("银行 担保", StandardCharsets.UTF_8));
        waitForText("result-count", "共 2 项举措");
        waitForTexts("#results .result-title .number", List.of("第 3 项", "第 5 项"));
        assertEquals(List.of("银行", "担保"), texts("#results .result[data-number='3'] .snippet mark").stream().distinct().toList());
        assertEquals(List.of("银行", "担保", "银行"), texts("#results .result[data-number='5'] .snippet mark"));
        open("search?q=" + URLEncoder.encode("征信\u3000担保 银行", StandardCharsets.UTF_8));
        waitForTexts("#results .result-title .number", List.of("第 5 项"));
        // 仪器设备信用贷 is in 7's title, 科学仪器共享 in its content
        open("search?q=" + URLEncoder.encode("仪器设备信用贷 科学仪器共享", StandardCharsets.UTF_8));
        waitForTexts("#results .result-title .number", List.of("第 7 项"));
        // none holds both: each word offered with what it finds (知识产权: 14, 15)
        open("search?q=" + URLEncoder.encode("担保 知识产权", StandardCharsets.UTF_8));
        waitForText("result-count", "共 0 项举措");
        waitForTexts("#search-note a.word-hint", List.of("担保（2 项）", "知识产权（2 项）"));
        driver.findElements(By.cssSelector("#search-note a.word-hint")).get(1).click();
        waitForText("result-count", "共 2 项举措");

        open("search?category=nope&place=9999");
        waitForText("result-count", "共 16 项举措");
        assertEquals("地址中的筛选值不存在，已忽略：类别“nope”；地区（省或市）“9999”。", text("search-note"));
        assertEquals("全部", new Select(driver.findElement(By.id("facet-category"))).getFirstSelectedOption().getText());
        assertEquals("全部", new Select(driver.findElement(By.id("facet-place"))).getFirstSelectedOption().getText());

        // a place typed by name: 黄山 gets the 11 nationwide measures (1, 2, 5, 6 | 8-13 | 16); the
        // categories' counts beside the results, each a filter
        driver.findElement(By.id("place-name")).sendKeys("黄山市", org.openqa.selenium.Keys.TAB);
        waitForText("result-count", "共 11 项举措");
        assertTrue(hash().contains("place=3410"), hash());
        waitForTexts("#category-counts a", List.of("科技金融创新 4", "科技管理体制创新 6", "知识产权保护 0", "人才培养和激励 1",
                "军民深度融合 0"));
        driver.findElement(By.cssSelector("#category-counts a[data-category='tech-finance']")).click();
        waitForText("result-count", "共 4 项举措");
        assertTrue(hash().contains("place=3410") && hash().contains("category=tech-finance"), hash());
    }

    /** Issue 30, 4: the chain stays within the chosen category, the same body twice is said, a step's measures are links. */
    @Test
    void theChainStaysWithinTheCategoryAndItsMeasuresAreLinks() {
        // 知识产权保护 holds measures 14 (最高人民法院, 知识产权局) and 15 (司法部, 知识产权局): 财政部 is not on it
        open("network?category=ip-protection&from=SPC&to=MOF");
        waitForTexts("#connection-path li", List.of(
                "在“知识产权保护”类别中，这两个部门之间没有共同指导的联系（可能其中一个部门不在该类别的网络中）。"));
        assertEquals(0L, withState("return cy.nodes('.path').length"));
        open("network?category=ip-protection&from=SPC&to=MOJ");
        waitForTexts("#connection-path li.step", List.of("最高人民法院 — 知识产权局，共同指导： 第 14 项",
                "知识产权局 — 司法部，共同指导： 第 15 项"), t -> t.replaceAll("\\s+", " "));
        assertEquals(3L, withState("return cy.nodes('.path').length"));
        assertEquals(2L, withState("return cy.edges('.path').length"));
        driver.findElement(By.cssSelector("#connection-path a[data-number='15']")).click();
        waitForText("measure-title", "第 15 项：建立提供全方位证据服务的知识产权公证服务平台");

        // outside a category the court reaches 财政部 in three links, and measure numbers link there too
        open("network?from=SPC&to=MOF");
        waitForTexts("#connection-path li.step a", List.of("第 14 项", "第 10 项", "第 2 项", "第 3 项", "第 9 项"));

        open("network?from=MOST&to=MOST");
        waitForTexts("#connection-path li", List.of("起点和终点是同一个部门（科技部），无需相连：请选择两个不同的部门。"));
    }

    /** Issue 30, 5: the network is drawn the same on every load, no two bodies overlap, the detail list counts from 1, labels are readable at 400 px. */
    @Test
    void theNetworkIsDrawnTheSameEveryTimeWithoutOverlaps() {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(13L));
        Object positions = withState(POSITIONS);
        assertEquals(List.of(), withState(OVERLAPS), "bodies (with their names) that overlap");
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(13L));
        assertEquals(positions, withState(POSITIONS), "the layout changed between two loads");

        // the node's detail lists its measures numbered from 1: nothing else is an item of the list
        driver.findElements(By.cssSelector("#network-nodes button")).stream()
                .filter(b -> b.getText().startsWith("海关总署")).findFirst().orElseThrow().click();
        waitForTexts("#network-detail li:not(.plain) a", List.of("第 12 项 生物医药领域特殊物品出入境检验检疫“一站式”监管服务机制"));
        assertEquals(List.of("measure"), script("return [...document.querySelectorAll('#network-detail > li')]"
                + ".filter((li) => getComputedStyle(li).display !== 'none')"
                + ".map((li) => li.querySelector('a[href^=\"#measure\"]') ? 'measure' : li.textContent)"));

        // at 400 px the names are drawn at 10 px or more
        driver.manage().window().setSize(new Dimension(400, 900));
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(13L));
        double shown = ((Number) withState("return parseFloat(cy.nodes().first().style('font-size')) * cy.zoom()")).doubleValue();
        assertTrue(shown >= 10, "labels drawn at " + shown + " px");
        // and the drawing fits the phone's width: the page does not scroll sideways, with a category's few bodies too
        String fits = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth";
        assertEquals(true, withState(fits), "the network view is wider than the window at 400 px");
        open("network?category=ip-protection");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(3L));
        assertEquals(true, withState(fits), "the network of 知识产权保护 is wider than the window at 400 px");
    }

    private static final String POSITIONS = "return JSON.stringify(cy.nodes().map((n) => [n.id(), Math.round(n.position('x')),"
            + " Math.round(n.position('y'))]).sort())";

    private static final String OVERLAPS = "const boxes = cy.nodes().map((n) => [n.data('label'), n.boundingBox({includeLabels: true})]);"
            + "const found = [];"
            + "for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {"
            + "  const [a, p] = boxes[i]; const [b, q] = boxes[j];"
            + "  if (p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2) found.push(a + '/' + b);"
            + "}"
            + "return found;";

    /** Issue 30, 6: a question's columns named in the page's language, snippets marked not tagged, no chart of scores, pages by button. */
    @Test
    void questionsNameTheirColumnsMarkSnippetsAndPage() {
        // a body's IRI shows as its name, a link to the body, with the list's name, its successor and the date
        open("ask?query=reorganised-bodies");
        waitForText("ask-count", "1 行结果");
        assertEquals(List.of("银保监会", "银保监会", "https://w3id.org/reform-kg/body/NFRA", "国家金融监督管理总局", "2023-05-18"),
                texts("#ask-table tbody td"));
        assertEquals(server.root + "/#body?id=CBIRC", driver.findElement(By.cssSelector("#ask-table tbody td a")).getAttribute("href"));
        open("ask?query=body-current-names");
        wait.until(d -> !texts("#ask-table tbody tr").isEmpty());
        assertEquals(List.of("银保监会 中国银行保险监督管理委员会 国家金融监督管理总局 2023-05-18"), texts("#ask-table tbody tr")
                .stream().filter(row -> row.startsWith("银保监会")).toList());

        // full-text search: Chinese headings, the matches marked, no <em> shown, the scores not charted
        open("ask?query=keyword-search-text&keyword=" + URLEncoder.encode("担保", StandardCharsets.UTF_8));
        wait.until(d -> !texts("#ask-table tbody tr").isEmpty());
        assertEquals(List.of("举措 IRI", "序号", "标题", "相关度", "摘要（命中处高亮）"), texts("#ask-table th"));
        assertFalse(driver.findElement(By.cssSelector("#ask-table tbody")).getText().contains("<em>"));
        List<String> marks = texts("#ask-table td mark");
        assertFalse(marks.isEmpty());
        assertTrue(marks.stream().allMatch("担保"::equals), marks.toString());
        assertEquals(true, script("return document.getElementById('ask-chart').parentElement.hidden"));

        // a page that is cut has a button to the next, and the next one back
        open("ask?query=cq8-measures-in-place&place=3401&limit=5");
        waitForText("ask-count", "第 1–5 行 （还有更多）");
        driver.findElement(By.id("ask-next")).click();
        waitForText("ask-count", "第 6–10 行 （还有更多）");
        assertTrue(hash().contains("offset=5") && hash().contains("limit=5"), hash());
        assertEquals(List.of("6", "7", "8", "9", "10"), driver.findElements(By.cssSelector("#ask-table tbody tr"))
                .stream().map(row -> row.findElement(By.tagName("td")).getText()).toList());
        driver.findElement(By.id("ask-previous")).click();
        waitForText("ask-count", "第 1–5 行 （还有更多）");
    }

    /** Issue 30, 7: CSV files Excel reads (BOM, the headings shown), search results, network and dashboard exports, printing without the navigation. */
    @Test
    void resultsTheNetworkAndTheDashboardExportAndPrintWithoutTheNavigation() {
        open("ask?query=cq1-co-guidance-pairs&category=tech-finance");
        waitForText("ask-count", "10 行结果");
        List<String> excel = csvLines(download("ask-excel"));
        assertEquals(String.join(",", texts("#ask-table th")), excel.get(0));
        assertEquals("部门甲（名称排序在前者）", excel.get(0).split(",")[0]);
        assertEquals("人民银行,银保监会,5,\"1, 3, 4, 5, 6\"", excel.get(1));
        assertEquals(11, excel.size());
        // the API's CSV keeps its column names for programs
        String api = driver.findElement(By.id("ask-csv")).getAttribute("href");
        assertEquals("bodyA,bodyB,measures,numbers", ExplorerServer.text(server.get(api.substring(server.root.length())))
                .lines().findFirst().orElseThrow());

        open("search?q=" + URLEncoder.encode("知识产权", StandardCharsets.UTF_8));
        waitForText("result-count", "共 2 项举措");
        driver.findElement(By.id("search-export")).click();
        wait.until(d -> driver.findElement(By.id("search-csv")).getAttribute("href").startsWith("blob:"));
        assertEquals(List.of("序号,标题,类别,推广范围,指导部门（牵头部门在前）,IRI",
                "14,建立跨区域的知识产权远程诉讼平台,知识产权保护,8个全面创新改革试验区域,最高人民法院、知识产权局," + MEASURE + "14",
                "15,建立提供全方位证据服务的知识产权公证服务平台,知识产权保护,8个全面创新改革试验区域,司法部、知识产权局," + MEASURE + "15"),
                csvLines(downloaded("search.csv")));

        open("network?category=ip-protection");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(3L));
        driver.findElement(By.id("network-edges")).click();
        List<String> edges = csvLines(downloaded("network-ip-protection.csv"));
        assertEquals("部门甲,部门乙,共同指导举措数", edges.get(0));
        assertEquals(java.util.Set.of("知识产权局,最高人民法院,1", "知识产权局,司法部,1"), java.util.Set.copyOf(edges.subList(1, edges.size())));
        driver.findElement(By.id("network-png")).click();
        byte[] png = downloaded("network-ip-protection.png");
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1));
        // the SVG: the drawing's three bodies at their places with their names, its two links with their counts
        driver.findElement(By.id("network-svg")).click();
        org.w3c.dom.Document svg = xml(downloaded("network-ip-protection.svg"));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        org.w3c.dom.NodeList labels = svg.getElementsByTagName("text");
        List<String> names = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        for (int i = 0; i < labels.getLength(); i++) {
            org.w3c.dom.Element label = (org.w3c.dom.Element) labels.item(i);
            (label.getAttribute("class").equals("label") ? names : weights).add(label.getTextContent());
        }
        assertEquals(java.util.Set.of("知识产权局", "最高人民法院", "司法部"), java.util.Set.copyOf(names));
        assertEquals(3, names.size());
        assertEquals(List.of("1", "1"), weights);
        assertEquals(2, svg.getElementsByTagName("line").getLength());
        org.w3c.dom.NodeList circles = svg.getElementsByTagName("circle");
        List<String> places = new ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            org.w3c.dom.Element circle = (org.w3c.dom.Element) circles.item(i);
            places.add(names.get(i) + " " + Math.round(Double.parseDouble(circle.getAttribute("cx"))) + " "
                    + Math.round(Double.parseDouble(circle.getAttribute("cy"))));
        }
        assertEquals(withState("return cy.nodes().map((n) => n.data('label') + ' ' + Math.round(n.position('x')) + ' '"
                + " + Math.round(n.position('y')))"), places);

        open("dashboard");
        wait.until(d -> !texts("#table-sections tbody tr").isEmpty());
        assertEquals(List.of("类别,声明,实有", "科技金融创新,7,7", "科技管理体制创新,6,6", "知识产权保护,2,2", "人才培养和激励,1,1",
                "军民深度融合,4,0"), csvLines(download("csv-sections")));

        // printed, the dashboard takes one page and no navigation
        String pdf = new String(java.util.Base64.getDecoder().decode(driver.print(new org.openqa.selenium.print.PrintOptions())
                .getContent()), StandardCharsets.ISO_8859_1);
        assertEquals(1, java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf).results().count(), "printed pages");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertFalse(driver.findElement(By.id("nav")).isDisplayed());
            assertTrue(driver.findElement(By.id("table-bodies")).isDisplayed());
            open("search");
            waitForText("result-count", "共 16 项举措");
            assertFalse(driver.findElement(By.id("search-form")).isDisplayed());
            assertTrue(driver.findElement(By.id("results")).isDisplayed());
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    /** Clicks a download link and returns the bytes of the file the browser saved. */
    private static byte[] download(String linkId) {
        WebElement link = driver.findElement(By.id(linkId));
        String fileName = link.getAttribute("download");
        link.click();
        return downloaded(fileName);
    }

    /**
     * The bytes of the file the browser saved as {@code fileName} (into {@link #downloads}), once
     * it is complete; the file is removed, so the next download of that name is read afresh.
     */
    private static byte[] downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A CSV file's lines, after checking it starts with a UTF-8 byte order mark and its lines end in CRLF. */
    private static List<String> csvLines(byte[] file) {
        assertEquals("\uFEFF", new String(file, 0, 3, StandardCharsets.UTF_8), "no UTF-8 byte order mark");
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), text);
        return List.of(text.split("\r\n"));
    }

    /** Issue 30, 8: the landing page says what the list is; back leads where the analyst came from; focus goes to the new view's heading; linked data in the page's language; the dashboard keeps ties. */
    /** A downloaded file parsed as XML, namespaces kept. */
    private static org.w3c.dom.Document xml(byte[] file) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(file));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | IOException e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    @Test
    void theLandingPageIntroducesTheListAndBackLeadsWhereTheAnalystCameFrom() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        assertTrue(text("intro").startsWith("这里收录的是国务院办公厅 2020 年印发的《关于推广第三批支持创新相关改革举措的通知》"
                + "所附清单，分 5 个部分，声明 20 项改革举措，实有 16 项。"
                + "“军民深度融合”部分声明 4 项，但原文在该部分下没有列出任何举措。"), text("intro"));
        driver.get(server.root + "/?lang=en#search");
        waitForText("result-count", "16 measures");
        assertTrue(text("intro").startsWith("The list held here is the one attached to the General Office of the State "
                + "Council's 2020 notice “Notice on promoting the third batch of innovation-supporting reform measures "
                + "(unofficial translation)”; it has 5 sections, which declare 20 reform measures; 16 are present."),
                text("intro"));
        open("search");
        waitForText("result-count", "共 16 项举措");

        driver.findElement(By.cssSelector("#results li[data-number='3'] a")).click();
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        wait.until(d -> "measure-title".equals(script("return document.activeElement.id")));
        WebElement back = driver.findElement(By.cssSelector("#view-measure a.back"));
        assertEquals("← 返回检索", back.getText());
        // the linked-data page opens in the page's language
        String html = driver.findElement(By.cssSelector("#measure-rdf a[data-format='html']")).getAttribute("href");
        assertEquals(server.root + "/list/3/measure/3.html?lang=zh", html);
        assertTrue(ExplorerServer.text(server.get("/list/3/measure/3.html?lang=zh")).contains("lang=\"zh\""));
        // and leads back: a measure's page to its view, a body's to its view, in the page's language
        driver.get(html.replace("lang=zh", "lang=en"));
        WebElement explorer = driver.findElement(By.id("explorer-link"));
        assertEquals("View in the explorer", explorer.getText());
        explorer.click();
        wait.until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
        waitForText("measure-title", "No. 3: 政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        driver.get(server.root + "/body/CBIRC.html?lang=zh");
        explorer = driver.findElement(By.id("explorer-link"));
        assertEquals("在浏览界面中查看", explorer.getText());
        explorer.click();
        wait.until(d -> "true".equals(script("return document.body.dataset.ready || ''")));
        waitForText("body-title", "中国银行保险监督管理委员会");
        driver.get(server.root + "/category/ip-protection.html?lang=zh");
        assertEquals(server.root + "/?lang=zh", driver.findElement(By.id("explorer-link")).getAttribute("href"));
        open("search");
        driver.findElement(By.cssSelector("#results li[data-number='3'] a")).click();
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");
        back = driver.findElement(By.cssSelector("#view-measure a.back"));

        // from the measure to its lead body: back leads to the measure, not to the network
        driver.findElement(By.cssSelector("#measure-bodies li a")).click();
        waitForText("body-title", "中华人民共和国财政部");
        wait.until(d -> "body-title".equals(script("return document.activeElement.id")));
        back = driver.findElement(By.cssSelector("#view-body a.back"));
        assertEquals("← 返回上一项举措", back.getText());
        back.click();
        waitForText("measure-title", "第 3 项：政银保联动授信担保提供科技型中小企业长期集合信贷机制");

        // from Ask to a body: back to Ask
        open("ask?query=reorganised-bodies");
        wait.until(d -> !texts("#ask-table tbody td a").isEmpty());
        driver.findElement(By.cssSelector("#ask-table tbody td a")).click();
        waitForText("body-title", "中国银行保险监督管理委员会");
        assertEquals("← 返回问答", driver.findElement(By.cssSelector("#view-body a.back")).getText());

        // the most connected bodies: the eight with most partners and any that tie with the eighth
        java.util.Map<String, Integer> partners = new java.util.HashMap<>();
        ExplorerServer.text(server.get("/api/queries/co-guidance-pairs?format=csv")).lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            partners.merge(cells[0], 1, Integer::sum);
            partners.merge(cells[1], 1, Integer::sum);
        });
        int eighth = partners.values().stream().sorted(Comparator.reverseOrder()).skip(7).findFirst().orElseThrow();
        java.util.Set<String> expected = partners.entrySet().stream().filter(e -> e.getValue() >= eighth)
                .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        assertTrue(expected.size() > 8, "no tie at the eighth: " + partners);
        open("dashboard");
        wait.until(d -> !texts("#table-bodies tbody tr").isEmpty());
        assertEquals(expected, driver.findElements(By.cssSelector("#table-bodies tbody tr td:first-child")).stream()
                .map(WebElement::getText).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void theDashboardShowsTheSectionFiveGapAndTheScopeSplit() {
        open("dashboard");
        wait.until(d -> !texts("#dashboard-totals li").isEmpty());
        assertEquals(List.of("声明举措 20 项", "实有举措 16 项", "指导部门 13 个", "类别 5 个",
                "“军民深度融合”部分声明 4 项，实有 0 项"), texts("#dashboard-totals li"));
        assertEquals(List.of("全国 11", "8个全面创新改革试验区域 5"), texts("#table-scopes tbody tr"));
        assertEquals("科技金融创新 7 7", texts("#table-sections tbody tr").get(0));
        assertEquals("军民深度融合 4 0", texts("#table-sections tbody tr").get(4));
        assertEquals(3L, script("return Chart.instances ? Object.keys(Chart.instances).length : 0"));
    }

    @Test
    void theLanguageSwitchesBetweenChineseAndEnglish() {
        open("search");
        waitForText("result-count", "共 16 项举措");
        assertEquals("检索", driver.findElement(By.cssSelector("#nav a[data-view='search']")).getText());
        driver.findElement(By.id("language")).click();
        wait.until(d -> driver.findElement(By.cssSelector("#nav a[data-view='search']")).getText().equals("Search"));
        waitForText("result-count", "16 measures");
        assertEquals("en", script("return document.documentElement.lang"));
        assertEquals("Intellectual property protection (2)", optionText("facet-category", "Intellectual"));
        assertEquals("No. 1 银行与专业投资机构建立市场化长期性合作机制支持科技创新型企业", texts("#results .result-title").get(0));
        assertTrue(texts("#results .meta").get(0).endsWith("Guided by: CBIRC、PBOC、MOST"), texts("#results .meta").get(0));
        driver.findElement(By.id("language")).click();
        wait.until(d -> driver.findElement(By.cssSelector("#nav a[data-view='search']")).getText().equals("检索"));
        waitForText("result-count", "共 16 项举措");
        assertTrue(texts("#results .meta").get(0).endsWith("指导部门：银保监会、人民银行、科技部"), texts("#results .meta").get(0));
    }

    @Test
    void aPhoneWidthNeedsNoSidewaysScrolling() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("search?q=知识产权");
        waitForText("result-count", "共 2 项举措");
        assertTrue((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the page is wider than the phone");
        open("network");
        wait.until(d -> withState("return cy ? cy.nodes().length : 0").equals(13L));
        assertTrue((Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the network view is wider than the phone");
        open("search?q=知识产权");
        waitForText("result-count", "共 2 项举措");
        // keyboard: the first Tab reaches the skip link, then the views
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertEquals("skip", script("return document.activeElement.className"));
    }

    static {
        // Selenium's own HTTP client logs at INFO on every command; keep the build log readable
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
    }
}
