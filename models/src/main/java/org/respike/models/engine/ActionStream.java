package org.respike.models.engine;

import java.util.Optional;
import org.respike.models.frame.Frame;

/**
 * One video's running classification. Frames go in one at a time, in order, at the model's frame rate;
 * results come out when a clip is complete. Not thread-safe: one thread pushes to a stream (many streams
 * may run in parallel on one engine).
 */
public interface ActionStream extends AutoCloseable {

    String streamId();

    /**
     * Consumes one frame; returns a result when it completes a clip. The frame's pixels are read during
     * the call only. Allocates nothing in the steady state except the result itself.
     */
    Optional<ActionResult> push(Frame frame);

    /**
     * End of stream: the result of whatever was buffered and not yet reported (a window shorter than the
     * configured one, at least one group), then a {@link #reset()}.
     */
    Optional<ActionResult> finish();

    /** Seek or discontinuity: drops all buffered frames, groups and SNN state. */
    void reset();

    /**
     * Groups (for a clip model: clips) since the stream opened whose result was reused because the scene
     * was static (see {@link StreamOptions#staticThreshold()}), instead of running the networks.
     */
    long skippedGroups();

    /** Frees this stream's native tensors; the stream cannot be used afterwards. */
    @Override
    void close();
}
