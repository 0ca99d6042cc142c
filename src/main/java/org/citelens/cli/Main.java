package org.citelens.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.LogManager;

/** {@code java -jar citelens.jar <command> [options]}: dispatches to one {@link Command}. */
public final class Main {
    /** Feature switches once read from system properties by the classifier; now train options saved in the model. */
    private static final Set<String> RETIRED_PROPERTIES =
            Set.of("citelens.trigrams", "citelens.chargrams", "citelens.charwindow");

    private Main() {}

    static List<Command> commands() {
        return List.of(
                new IngestCommand(),
                new ServeCommand(),
                new SolrSetupCommand(),
                new ExportCommand(),
                new CrawlCommand(),
                new TrainCommand(),
                new EvaluateCommand(),
                new ClassifyCommand(),
                new RelabelCommand(),
                new TransformerDataCommand(),
                new ExitFeaturesCommand(),
                new CheckCommand(),
                new HarvestCommand(),
                new NoticesCommand(),
                new FeedbackCommand());
    }

    public static void main(String[] argv) {
        quietLuceneVectorNotice();
        System.exit(run(argv));
    }

    /**
     * Lucene logs a two-line WARNING on every start when the incubating vector module is not enabled; enabling it
     * instead prints two other lines (the JDK's incubator warning and Lucene's INFO). Neither says anything a
     * user can act on, so Lucene's vectorization logger keeps only SEVERE messages. Set as a logging property,
     * which the LogManager applies when Lucene creates that logger.
     */
    static void quietLuceneVectorNotice() {
        byte[] config = "org.apache.lucene.internal.vectorization.level = SEVERE\n".getBytes(StandardCharsets.UTF_8);
        try {
            LogManager.getLogManager()
                    .updateConfiguration(
                            new ByteArrayInputStream(config), key -> (before, ours) -> ours != null ? ours : before);
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory logging property cannot fail", e);
        }
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            printUsage();
            return argv.length == 0 ? 2 : 0;
        }
        Command command = commands().stream()
                .filter(c -> c.name().equals(argv[0]))
                .findFirst()
                .orElse(null);
        if (command == null) {
            System.err.println("citelens: unknown command '" + argv[0] + "'");
            printUsage();
            return 2;
        }
        for (String p : RETIRED_PROPERTIES) {
            if (System.getProperty(p) != null) {
                System.err.println(
                        "citelens " + command.name() + ": -D" + p + " is no longer read: feature switches are "
                                + "train options (--trigrams, --char-grams N, --char-window N) saved in the model file, and a model is "
                                + "always scored with its own");
                return 2;
            }
        }
        try {
            return command.run(new Args(Arrays.asList(argv).subList(1, argv.length)));
        } catch (UsageException e) {
            System.err.println("citelens " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (CommandFailedException e) {
            System.err.println("citelens " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("citelens " + command.name() + " failed: " + e);
            return 1;
        }
    }

    private static void printUsage() {
        System.err.println("usage: java -jar target/citelens.jar <command> [options]");
        for (Command c : commands()) {
            System.err.printf("  %-9s %s%n", c.name(), c.summary());
        }
    }
}
