package org.respike.plugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.message.MessageType;
import org.respike.plugin.gst.StructureFields;

/**
 * A launch string played in this JVM with gst1-java-core, recording its bus messages: for tests that act on
 * the pipeline while it plays (seeks, state changes, properties), which is what gst1-java-core serves.
 * Runs to an end go through the one runner, {@link org.respike.plugin.gst.Pipelines}.
 */
final class PlayingPipeline implements AutoCloseable {
    final Pipeline pipeline;
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> elementMessages = new CopyOnWriteArrayList<>();
    /** The element messages' fields, read with {@link StructureFields} (nested structures as maps). */
    final List<Map<String, Object>> elementFields = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean eos;

    PlayingPipeline(String launch) {
        RespikePlugin.initInJvm();
        pipeline = (Pipeline) Gst.parseLaunch(launch);
        Bus bus = pipeline.getBus();
        bus.connect((Bus.EOS) src -> {
            eos = true;
            done.countDown();
        });
        bus.connect((Bus.ERROR) (src, code, message) -> {
            errors.add(src.getName() + ": " + message);
            done.countDown();
        });
        bus.connect((Bus.WARNING) (src, code, message) -> warnings.add(src.getName() + ": " + message));
        bus.connect((Bus.MESSAGE) (b, message) -> {
            if (message.getType() == MessageType.ELEMENT) {
                elementMessages.add(message.getSource().getName() + ": " + message.getStructure());
                elementFields.add(StructureFields.of(message.getStructure()));
            }
        });
    }

    static PlayingPipeline play(String launch) {
        PlayingPipeline run = new PlayingPipeline(launch);
        run.pipeline.play();
        return run;
    }

    /** Waits for EOS or an error; true when EOS came and no error. */
    boolean awaitEnd(long seconds) throws InterruptedException {
        if (!done.await(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("pipeline neither reached EOS nor failed in " + seconds + " s");
        }
        return eos && errors.isEmpty();
    }

    @Override
    public void close() {
        pipeline.stop();
        pipeline.dispose();
    }
}
