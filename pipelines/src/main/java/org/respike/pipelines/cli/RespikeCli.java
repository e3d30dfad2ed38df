package org.respike.pipelines.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The respike command line: demo, launch, classify, inspect, pipelines, events, bench. */
@Command(name = "respike", mixinStandardHelpOptions = true, version = "respike 0.1.0",
        description = "Hybrid ANN+SNN (ReSpike) action recognition in GStreamer pipelines.",
        subcommands = {DemoCommand.class, LaunchCommand.class, ClassifyCommand.class, InspectCommand.class,
                PipelinesCommand.class, EventsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
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
        System.exit(new CommandLine(new RespikeCli()).execute(args));
    }
}
