package org.respike.pipelines.run;

import org.respike.elements.Action;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.Pipelines;

/**
 * Runs one launch string in this JVM with the ReSpike elements registered, to EOS, error or timeout,
 * handing actions, warnings and progress to a {@link Listener}. Bus messages are copied to Java and
 * released at once (plugin's {@link Pipelines}), so a stream running for days holds no native memory
 * for the results it reported.
 */
public final class PipelineRun {

    /** How a run ended. */
    public enum Outcome { EOS, ERROR, BAD_PIPELINE, TIMEOUT }

    /** What a run reports while it goes. Callbacks come from the thread that called {@link #run}. */
    public interface Listener {
        void onAction(Action event);

        default void onWarning(String text) {}

        /** About twice a second: stream position and duration in ns (-1 when unknown). */
        default void onProgress(long position, long duration) {}
    }

    /** How the run ended and, unless at EOS, why. */
    public record Result(Outcome outcome, String message) {
        public boolean ok() {
            return outcome == Outcome.EOS;
        }
    }

    private PipelineRun() {}

    public static Result run(String launch, Listener listener, long timeoutMillis) {
        RespikePlugin.initInJvm();
        String[] error = {""};
        Pipelines.Outcome outcome = Pipelines.run(launch, new Pipelines.Listener() {
            @Override
            public void onMessage(Pipelines.BusMessage m) {
                switch (m.kind()) {
                    case ELEMENT -> {
                        if (Action.NAME.equals(m.structureName())) {
                            listener.onAction(Action.fromFields(m.fields()));
                        }
                    }
                    case WARNING -> listener.onWarning(m.source() + ": " + m.text());
                    case ERROR -> error[0] = (m.source() == null ? "" : m.source() + ": ") + m.text();
                    case EOS -> { }
                }
            }

            @Override
            public void onTick(long position, long duration) {
                listener.onProgress(position, duration);
            }
        }, timeoutMillis);
        return switch (outcome) {
            case EOS -> new Result(Outcome.EOS, "");
            case ERROR -> new Result(Outcome.ERROR, error[0]);
            case TIMEOUT -> new Result(Outcome.TIMEOUT, error[0]);
            case PARSE_ERROR, START_FAILED -> new Result(Outcome.BAD_PIPELINE,
                    error[0].isEmpty() ? "the pipeline failed to start" : error[0]);
        };
    }
}
