package org.respike.pipelines.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.GstException;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.message.MessageType;
import org.respike.plugin.RespikePlugin;

/**
 * Runs one launch string in this JVM with the ReSpike elements registered, to EOS, error or timeout,
 * handing actions, warnings and progress to a {@link Listener}.
 */
public final class PipelineRun {

    /** How a run ended. */
    public enum Outcome { EOS, ERROR, BAD_PIPELINE, TIMEOUT }

    /** What a run reports while it goes. Callbacks come from GStreamer threads. */
    public interface Listener {
        void onAction(ActionEvent event);

        default void onWarning(String text) {}

        /** Every half second: stream position and duration in ns (-1 when unknown). */
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
        Pipeline pipeline;
        try {
            pipeline = asPipeline(launch);
        } catch (GstException e) {
            return new Result(Outcome.BAD_PIPELINE, "could not construct the pipeline: " + e.getMessage());
        }
        AtomicReference<Result> end = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Bus bus = pipeline.getBus();
        Bus.EOS onEos = source -> finish(end, done, new Result(Outcome.EOS, ""));
        Bus.ERROR onError = (source, code, text) ->
                finish(end, done, new Result(Outcome.ERROR, source.getName() + ": " + text));
        Bus.WARNING onWarning = (source, code, text) -> listener.onWarning(source.getName() + ": " + text);
        Bus.MESSAGE onMessage = (b, message) -> {
            if (message.getType() == MessageType.ELEMENT && ActionEvent.isAction(message.getStructure())) {
                listener.onAction(ActionEvent.from(message.getStructure()));
            }
        };
        bus.connect(onEos);
        bus.connect(onError);
        bus.connect(onWarning);
        bus.connect(onMessage);
        try {
            if (pipeline.play() == StateChangeReturn.FAILURE) {
                // The element that failed posts the reason as an error first; give it a moment to arrive.
                done.await(1, TimeUnit.SECONDS);
                Result failed = end.get();
                return new Result(Outcome.BAD_PIPELINE, failed == null ? "the pipeline failed to start" : failed.message());
            }
            long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
            while (!done.await(500, TimeUnit.MILLISECONDS)) {
                listener.onProgress(pipeline.queryPosition(Format.TIME), pipeline.queryDuration(Format.TIME));
                if (System.nanoTime() > deadline) {
                    return new Result(Outcome.TIMEOUT, "timed out after " + timeoutMillis + " ms");
                }
            }
            return end.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.ERROR, "interrupted");
        } finally {
            pipeline.stop();
            bus.disconnect(onEos);
            bus.disconnect(onError);
            bus.disconnect(onWarning);
            bus.disconnect(onMessage);
            pipeline.dispose();
        }
    }

    private static Pipeline asPipeline(String launch) {
        Element parsed = Gst.parseLaunch(launch);
        if (parsed instanceof Pipeline pipeline) {
            return pipeline;
        }
        Pipeline pipeline = new Pipeline();
        pipeline.add(parsed);
        return pipeline;
    }

    private static void finish(AtomicReference<Result> end, CountDownLatch done, Result result) {
        end.compareAndSet(null, result);
        done.countDown();
    }
}
