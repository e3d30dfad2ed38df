package org.respike.pipelines.run;

import org.respike.models.engine.ActionResult;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.Pipelines;

/**
 * Runs one launch string in this JVM with the ReSpike elements registered, through the plugin's
 * {@link Pipelines} runner, reading its respike-action messages as {@link ActionResult}s. Bus messages are copied
 * to Java and released at once, so a stream running for days holds no native memory for the results it
 * reported.
 */
public final class PipelineRun {

    /** What a run reports while it goes. Callbacks come from the thread that called {@link #run}. */
    public interface Listener {
        void onAction(ActionResult action);

        default void onWarning(String text) {}

        /** About twice a second: stream position and duration in ns (-1 when unknown). */
        default void onProgress(long position, long duration) {}
    }

    private PipelineRun() {}

    public static Pipelines.Result run(String launch, Listener listener, long timeoutMillis) {
        RespikePlugin.initInJvm();
        return Pipelines.run(launch, new Pipelines.Listener() {
            @Override
            public void onMessage(Pipelines.BusMessage m) {
                switch (m.kind()) {
                    case ELEMENT -> {
                        if (ActionResult.NAME.equals(m.structureName())) {
                            listener.onAction(ActionResult.fromFields(m.fields()));
                        }
                    }
                    case WARNING -> listener.onWarning(m.source() + ": " + m.text());
                    case ERROR, EOS -> { }
                }
            }

            @Override
            public void onTick(long position, long duration) {
                listener.onProgress(position, duration);
            }
        }, timeoutMillis);
    }
}
