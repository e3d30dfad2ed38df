package org.respike.pipelines.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The respike command line: demo, launch, classify, inspect, pipelines, events, bench, tracks. */
@Command(name = "respike", mixinStandardHelpOptions = true, version = "respike 0.1.0",
        description = "Hybrid ANN+SNN (ReSpike) action recognition in GStreamer pipelines.",
        subcommands = {DemoCommand.class, LaunchCommand.class, ClassifyCommand.class, InspectCommand.class,
                PipelinesCommand.class, EventsCommand.class, BenchCommand.class, TracksCommand.class,
                CommandLine.HelpCommand.class})
public final class RespikeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // One line per log record (the execution-provider fallback warning, for one), not JUL's two.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        SignalExit.install();
        int status;
        try {
            status = commandLine().execute(args);
        } catch (Throwable t) { // an Error picocli passes on (e.g. one thrown while a signal stops the JVM)
            int stopping = SignalExit.statusIfStopping();
            if (stopping < 0) {
                System.err.println("respike: " + describe(t));
            }
            status = stopping > 0 ? stopping : FAILED;
        }
        System.exit(status);
    }

    /** The command line as {@code respike} runs it: failures print one line, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new RespikeCli()).setExecutionExceptionHandler(RespikeCli::oneLine);
    }

    /** Exit status of a command that failed on its input (a bad model, file or option value). */
    static final int FAILED = 2;

    /**
     * A failure is one line naming the command and every cause; the stack trace only with RESPIKE_DEBUG=1,
     * for a bug report.
     */
    private static int oneLine(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int stopping = SignalExit.statusIfStopping();
        if (stopping > 0) {
            return stopping; // refused by the exit a signal started: that exit's status, no error of its own
        }
        cmd.getErr().println("respike " + cmd.getCommandName() + ": " + describe(e));
        if (System.getenv("RESPIKE_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
        }
        return FAILED;
    }

    /** The messages of an exception and its causes in one line, each once. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage().replaceAll("\\s*\n\\s*", " ");
            if (b.indexOf(m) < 0) {
                b.append(b.length() == 0 ? "" : ": ").append(m);
            }
        }
        return b.toString();
    }
}
