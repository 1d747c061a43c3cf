package io.reformkg.cli;

import io.reformkg.query.Language;
import io.reformkg.query.NamedQuery;
import io.reformkg.query.QueryCatalog;
import io.reformkg.query.QueryParameter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "queries", mixinStandardHelpOptions = true,
        description = "List the named queries: name, question and parameters. Run one with: reform-kg query NAME.")
final class QueriesCommand implements Callable<Integer> {
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "zh",
            description = "Language of the questions: zh or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Language language = Language.parse(lang);
        PrintWriter out = spec.commandLine().getOut();
        for (NamedQuery query : QueryCatalog.load().queries()) {
            out.println(query.name());
            out.println("    " + query.question().in(language));
            if (!query.accepted().isEmpty()) {
                out.println("    --param " + query.accepted().stream().map(QueriesCommand::usage)
                        .collect(Collectors.joining(" --param ")));
            }
        }
        out.flush();
        return 0;
    }

    private static String usage(QueryParameter parameter) {
        return parameter.name() + "=" + (parameter.required() ? parameter.kind().label().toUpperCase()
                : parameter.defaultValue());
    }
}
