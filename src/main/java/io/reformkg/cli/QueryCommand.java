package io.reformkg.cli;

import io.reformkg.query.Language;
import io.reformkg.query.Page;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.QueryResult;
import io.reformkg.query.QueryRunner;
import io.reformkg.query.ResultFormat;
import io.reformkg.query.ResultWriter;
import io.reformkg.store.GraphStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Build the graph and run a named query on it (list them with: reform-kg queries).")
final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The query's name, e.g. cq1-co-guidance-pairs.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A parameter value, e.g. --param category=ip-protection; repeat for several.")
    List<String> params = List.of();

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
            description = "Language of names in the answer: zh (the list's names) or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Mixin
    DataOptions dataOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ResultFormat resultFormat = ResultFormat.parse(format);
        Language language = Language.parse(lang);
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String param : params) {
            int equals = param.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--param takes KEY=VALUE, found \"" + param + "\"");
            }
            if (arguments.put(param.substring(0, equals), param.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("parameter " + param.substring(0, equals) + " is given twice");
            }
        }
        QueryCatalog catalog = QueryCatalog.load();
        catalog.get(name);
        try (GraphStore store = dataOptions.store().quietly().build()) {
            QueryResult result = QueryRunner.over(store, catalog).run(name, arguments, language);
            PrintWriter out = spec.commandLine().getOut();
            out.print(ResultWriter.write(result, resultFormat));
            out.flush();
            if (resultFormat == ResultFormat.CSV || resultFormat == ResultFormat.TSV) {
                // the table and JSON say it themselves; CSV and TSV have nowhere but standard error
                result.page().filter(Page::more).ifPresent(page -> spec.commandLine().getErr()
                        .println("more rows follow: --param offset=" + page.nextOffset()));
            }
        }
        return 0;
    }
}
