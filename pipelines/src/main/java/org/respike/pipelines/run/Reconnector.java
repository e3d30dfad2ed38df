package org.respike.pipelines.run;

import java.util.function.Consumer;
import org.respike.plugin.gst.Pipelines;

/**
 * Keeps a live pipeline running: when it fails or ends (a camera or server went away: rtspsrc reports
 * a closed connection as a warning followed by a clean EOS) it is built and started again after a
 * backoff that doubles up to a ceiling, and resets once a run has lasted longer than the ceiling. A
 * pipeline that cannot even be constructed on the first try is not retried.
 */
public final class Reconnector {

    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final int maxRestarts;
    private final Consumer<String> log;

    /** {@code maxRestarts < 0}: never give up. */
    public Reconnector(long firstDelayMillis, long maxDelayMillis, int maxRestarts, Consumer<String> log) {
        this.firstDelayMillis = firstDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.maxRestarts = maxRestarts;
        this.log = log;
    }

    public Pipelines.Result run(String launch, PipelineRun.Listener listener, long timeoutMillis) {
        long delay = firstDelayMillis;
        for (int restarts = 0; ; restarts++) {
            long started = System.nanoTime();
            Pipelines.Result result = PipelineRun.run(launch, listener, timeoutMillis);
            boolean retryable = result.outcome() == Pipelines.Outcome.ERROR
                    || result.outcome() == Pipelines.Outcome.EOS
                    || (result.outcome() == Pipelines.Outcome.BAD_PIPELINE && restarts > 0);
            if (!retryable || (maxRestarts >= 0 && restarts >= maxRestarts)) {
                return result;
            }
            if ((System.nanoTime() - started) / 1_000_000L > maxDelayMillis) {
                delay = firstDelayMillis;
            }
            log.accept("pipeline " + (result.ok() ? "ended" : "failed (" + result.message() + ")")
                    + "; restarting in " + delay + " ms");
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            delay = Math.min(maxDelayMillis, delay * 2);
        }
    }
}
