package org.respike.models.engine;

import static org.respike.models.bundle.TensorNames.FRAMES;
import static org.respike.models.bundle.TensorNames.LOGITS;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.engine.StreamTensors.Pinned;
import org.respike.models.frame.Frame;
import org.respike.models.frame.FramePreprocessor;

/**
 * A whole-clip model (architecture {@code clip}, e.g. the 3D-CNN baseline): buffers T normalised frames
 * and runs clip.onnx once per T frames, on non-overlapping clips. A 3D CNN carries no state from one
 * clip to the next, so a clip sliding by s frames would recompute the whole clip T/s times as often for
 * little new information; non-overlapping clips are the cheapest schedule and the fair baseline cost.
 * {@link StreamOptions} do not apply here.
 */
final class ClipActionStream extends GraphActionStream {
    private final int clipFrames;
    private final int stride;
    private final int frameElements;
    private final FramePreprocessor preprocessor;
    private final Graph clip;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final FloatBuffer frames;
    private final FloatBuffer logits;

    private int count;
    private long clipStartPts;
    private long clipEndPts;
    private long lastPushNanos;

    ClipActionStream(String streamId, SharedSessions sessions, StreamOptions options) {
        super(streamId, sessions);
        Manifest m = manifest;
        this.clipFrames = m.clipFrames();
        this.stride = m.stride();
        this.preprocessor = new FramePreprocessor(m.input());
        this.frameElements = preprocessor.frameElements();
        this.clip = new Graph(Manifest.CLIP, sessions.session(Manifest.CLIP));
        GraphSpec spec = m.graph(Manifest.CLIP);
        try {
            Pinned framesT = tensors.create(spec.input(FRAMES));
            Pinned logitsT = tensors.create(spec.output(LOGITS));
            this.inputs = Map.of(FRAMES, framesT.tensor());
            this.outputs = tensors.pinAll(spec.outputs(), Map.of(LOGITS, logitsT));
            this.frames = framesT.buffer();
            this.logits = logitsT.buffer();
        } catch (OrtException | RuntimeException e) {
            throw allocationFailed(e);
        }
    }

    @Override
    public Optional<ActionResult> push(Frame frame) {
        long t0 = System.nanoTime();
        checkOpen();
        if (count == 0) {
            clipStartPts = frame.ptsNanos();
        }
        preprocessor.normalise(frame, frames, count * frameElements);
        clipEndPts = frame.ptsNanos() + frame.durationNanos();
        lastPushNanos = t0;
        return ++count == clipFrames ? Optional.of(runClip()) : Optional.empty();
    }

    /** A partial clip of at least one group is completed by repeating its last frame. */
    @Override
    public Optional<ActionResult> finish() {
        checkOpen();
        Optional<ActionResult> r = Optional.empty();
        if (count >= stride) {
            FloatBuffer last = frames.duplicate();
            last.position((count - 1) * frameElements).limit(count * frameElements);
            for (int t = count; t < clipFrames; t++) {
                frames.put(t * frameElements, last, last.position(), frameElements);
            }
            r = Optional.of(runClip());
        }
        reset();
        return r;
    }

    @Override
    public void reset() {
        count = 0;
    }

    private ActionResult runClip() {
        clip.run(inputs, outputs);
        FiniteLogits.require(logits, labels, Manifest.CLIP, clipStartPts);
        float[] l = new float[labels.size()];
        logits.get(0, l);
        int seen = count;
        count = 0;
        return new ActionResult(streamId, labels, l, clipStartPts, clipEndPts, seen, (seen + stride - 1) / stride,
                new float[0], 0f, energy.clipPj(), System.nanoTime() - lastPushNanos);
    }
}
