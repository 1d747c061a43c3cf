package io.reformkg.cli;

import io.reformkg.error.OsErrors;
import io.reformkg.error.ReformKgException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.sys.JenaSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The entry point of the command line: {@code java -jar target/reform-kg.jar COMMAND}. Errors in
 * the user's input (sources, reference data, options) print one clear message and exit with
 * status 2; nothing prints a stack trace.
 */
@Command(name = "reform-kg", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Knowledge graph of China's innovation reform measures.",
        subcommands = {BuildCommand.class, ValidateCommand.class, ServeCommand.class, ExportCommand.class,
                GenerateCommand.class, QueriesCommand.class, QueryCommand.class, OntologyDocsCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    static final int INPUT_ERROR = 2;

    public static void main(String[] args) {
        // Jena's initialisation (~0.4 s) runs while the command line is read. A command waits until it
        // has finished before touching Jena: Jena's init is not safe to enter from a second thread
        // while it runs (that thread would go on with Jena half-initialised, or deadlock)
        CompletableFuture<Void> jena = CompletableFuture.runAsync(JenaSystem::init);
        System.exit(run(jena::join, args));
    }

    /** Runs a command line and returns its exit status, leaving the JVM running. */
    public static int run(String... args) {
        return run(JenaSystem::init, args);
    }

    private static int run(Runnable jenaReady, String... args) {
        CommandLine cli = commandLine(jenaReady);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError exhausted) {
            // the work in progress is unreachable by now, so there is heap again to say so
            PrintWriter err = cli.getErr();
            err.printf("error: out of memory: the data needs more than the %d MiB of heap Java was given; "
                    + "run it with more, e.g. java -Xmx4g -jar target/reform-kg.jar ...%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            err.flush();
            return 1;
        }
    }

    static CommandLine commandLine() {
        return commandLine(JenaSystem::init);
    }

    /** The command line; {@code jenaReady} returns once Jena is initialised. */
    private static CommandLine commandLine(Runnable jenaReady) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionStrategy(parseResult -> {
            Integer helpShown = CommandLine.executeHelpRequest(parseResult);
            if (helpShown != null) {
                return helpShown;
            }
            jenaReady.run();
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("error: " + error.getMessage() + " (see " + error.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help)");
            err.flush();
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            // IllegalArgumentException: an option value a command refused (picocli's converters, say)
            if (error instanceof ReformKgException || error instanceof IllegalArgumentException) {
                err.println("error: " + error.getMessage());
                err.flush();
                return INPUT_ERROR;
            }
            if (error instanceof UncheckedIOException io) {
                // a file or folder the user named cannot be written or read
                err.println("error: " + io.getMessage() + ": " + OsErrors.reason(io.getCause()));
                err.flush();
                return INPUT_ERROR;
            }
            err.println("error: " + error.getClass().getSimpleName() + ": " + error.getMessage());
            err.flush();
            return 1;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"reform-kg " + (version == null ? "(development)" : version)};
        }
    }
}
