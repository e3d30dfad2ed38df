package org.respike.plugin;

import java.io.PrintStream;
import org.respike.plugin.gst.Pipelines;

/**
  * Runs a launch string inside this JVM with the ReSpike elements registered, like gst-launch-1.0: prints
  * errors, warnings, element messages and EOS one line each and returns an exit status.
  *
  * <pre>java -cp ... org.respike.plugin.Launcher videotestsrc num-buffers=50 ! respikeinfer ! fakesink</pre>
  */
public final class Launcher {
    /** Exit status: EOS reached. */
    public static final int OK = 0;
    /** Exit status: an error message stopped the pipeline (or it timed out). */
    public static final int ERROR = 1;
    /** Exit status: the launch string did not parse, or the pipeline failed to start. */
    public static final int BAD_PIPELINE = 2;

    private Launcher() {}

    /** Runs {@code description} to EOS or error; {@code timeoutMillis <= 0} waits forever. */
    public static int run(String description, PrintStream out, long timeoutMillis) {
        RespikePlugin.initInJvm();
        Pipelines.Outcome outcome = Pipelines.runPrinting(description, out::println, timeoutMillis);
        return switch (outcome) {
            case EOS -> OK;
            case ERROR, TIMEOUT -> ERROR;
            case PARSE_ERROR, START_FAILED -> BAD_PIPELINE;
        };
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Launcher <launch string>, e.g. videotestsrc num-buffers=50 ! respikeinfer ! fakesink");
            System.exit(BAD_PIPELINE);
        }
        System.exit(run(String.join(" ", args), System.out, 0));
    }
}
