package io.reformkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reformkg.corpus.CorpusGenerator;
import io.reformkg.testing.DataFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as a user meets them: readable output, help everywhere, one-line errors with exit status 2. */
class CommandLineTest {
    private static final String GAP_WARNING = "section \"五、军民深度融合方面（共4项）\" declares 4 measures but the text holds 0";

    @TempDir
    Path dir;

    @Test
    void validatePrintsTheReportAndPassesWithTheWarning() {
        CliRun run = CliRun.of("validate");
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("warning: https://w3id.org/reform-kg/list/3/section/5: " + GAP_WARNING,
                "conforms: 0 violation(s), 1 warning(s)"), run.out().lines().toList());
        assertEquals("", run.err());
    }

    @Test
    void buildPrintsTheWarningAndTheFilesItWrote() {
        Path out = dir.resolve("graph");
        CliRun run = CliRun.of("build", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> expected = new ArrayList<>(List.of("warning: " + GAP_WARNING));
        for (String extension : List.of("trig", "nq", "jsonld", "ttl", "nt", "rdf")) {
            expected.add("wrote " + out.resolve("reform-kg." + extension));
        }
        assertEquals(expected, run.out().lines().toList());
        assertEquals("", run.err());
    }

    @Test
    void runningOutOfHeapSaysSoInOneLine() throws Exception {
        Path data = dir.resolve("corpus");
        CorpusGenerator.create().measures(20_000).seed(1).build().writeTo(data);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process validate = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                "io.reformkg.cli.Main", "validate", "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(validate.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, validate.waitFor(), err);
        assertEquals(List.of("error: out of memory: the data needs more than the 32 MiB of heap Java was given; "
                + "run it with more, e.g. java -Xmx4g -jar target/reform-kg.jar ..."), err.lines().toList());
    }

    @Test
    void aQueryPrintsItsAnswerAndNothingElse() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process query = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.reformkg.cli.Main", "query", "cq4-declared-and-held-measures", "--format", "csv").start();
        String out = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(query.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, query.waitFor(), err);
        assertEquals("", err, "no build log on standard error");
        assertEquals(List.of("section,part,declared,held,missing", "1,科技金融创新,7,7,0", "2,科技管理体制创新,6,6,0",
                "3,知识产权保护,2,2,0", "4,人才培养和激励,1,1,0", "5,军民深度融合,4,0,4",
                "\"\",第三批支持创新相关改革举措推广清单,20,16,4"), out.lines().toList());
    }

    @Test
    void helpOnEveryCommand() {
        CommandLine root = Main.commandLine();
        Set<String> commands = root.getSubcommands().keySet();
        assertTrue(commands.containsAll(Set.of("build", "validate", "help")), commands.toString());
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().startsWith("Usage: reform-kg "), top.out());
        for (String command : commands) {
            if (command.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.status(), command);
            assertTrue(run.out().startsWith("Usage: reform-kg " + command), command + ":\n" + run.out());
            assertTrue(run.out().contains("-h, --help"), command + ":\n" + run.out());
            assertEquals("", run.err(), command);
            CliRun help = CliRun.of("help", command);
            assertEquals(0, help.status(), command);
            assertEquals(run.out(), help.out(), "help " + command);
        }
    }

    @Test
    void missingDataFolderIsOneLineWithStatusTwo() {
        Path missing = dir.resolve("no-such-data");
        for (List<String> command : List.of(List.of("build", "--out", dir.resolve("out").toString()), List.of("validate"))) {
            CliRun run = CliRun.of(args(command, "--data", missing.toString()));
            assertEquals(2, run.status(), command.get(0));
            assertEquals(List.of("error: the data folder " + missing.toAbsolutePath() + " does not exist; expected a "
                    + "folder with sources/ and reference/ (see README)"), run.err().lines().toList(), command.get(0));
            assertEquals("", run.out(), command.get(0));
        }
    }

    @Test
    void badSourceIsOneLineNamingFileAndLine() throws IOException {
        Path data = DataFolders.copyOfData(dir);
        Path source = data.resolve("sources").resolve("batch-3-innovation-reform-measures.txt");
        Files.writeString(source, Files.readString(source).replace("\t海关总署\n", "\t海关总局\n"));
        for (List<String> command : List.of(List.of("build", "--out", dir.resolve("out").toString()), List.of("validate"))) {
            CliRun run = CliRun.of(args(command, "--data", data.toString()));
            assertEquals(2, run.status(), command.get(0));
            List<String> lines = run.err().lines().toList();
            assertEquals(1, lines.size(), run.err());
            assertTrue(lines.get(0).startsWith("error: " + source + ":83: measure 12 names an unknown guiding body "
                    + "\"海关总局\"; known bodies: "), lines.get(0));
            assertTrue(lines.get(0).endsWith("; did you mean \"海关总署\"?"), lines.get(0));
            assertFalse(Files.exists(dir.resolve("out")), "nothing is written");
        }
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anOutputFolderThatIsAFileIsOneLineWithStatusTwo() throws IOException {
        Path inTheWay = Files.writeString(dir.resolve("graph"), "a file where the output folder should be");
        for (List<String> command : List.of(List.of("build", "--out", inTheWay.toString()),
                List.of("export", "--out", inTheWay.toString()))) {
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(2, run.status(), command.get(0) + ": " + run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(1, lines.size(), run.err());
            assertTrue(lines.get(0).startsWith("error: cannot "), lines.get(0));
            assertTrue(lines.get(0).endsWith(inTheWay + " is in the way (a file where a folder is needed, or the "
                    + "reverse)"), lines.get(0));
        }
    }

    @Test
    void badBaseIsOneLine() {
        CliRun run = CliRun.of("validate", "--base", "not an iri");
        assertEquals(2, run.status());
        assertEquals(List.of("error: the IRI base \"not an iri\" is not a valid IRI: Illegal character in path"),
                run.err().lines().toList());
    }

    @Test
    void ontologyDocsWritesTheCommittedDocument() throws IOException {
        Path out = dir.resolve("ontology.md");
        CliRun run = CliRun.of("ontology-docs", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("wrote " + out), run.out().lines().toList());
        assertEquals(Files.readString(Path.of("docs", "ontology.md")), Files.readString(out));
    }
}
