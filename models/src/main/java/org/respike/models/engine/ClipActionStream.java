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
import org.respike.models.frame.NativeBuffers;

/**
 * A whole-clip model (architecture {@code clip}, e.g. the 3D-CNN baseline): buffers T normalised frames
 * and runs clip.onnx once per T frames, on non-overlapping clips by default. A 3D CNN carries no state from
 * one clip to the next, so a clip sliding by s frames recomputes the whole clip T/s times as often: the
 * cheapest schedule is non-overlapping clips, the same service as the hybrid (a result every group) is
 * {@link StreamOptions#clipStride()} = s. The static-scene gate applies: a clip whose frames all match its
 * first frame, which matches the first frame of the last clip run (itself still), reuses that clip's
 * logits, as the hybrid reuses a static group's, so that both models are compared on the same footing.
 */
final class ClipActionStream extends GraphActionStream {
    private final int clipFrames;
    private final int stride;
    private final int frameElements;
    private final FramePreprocessor preprocessor;
    private final StreamGraph clip;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final FloatBuffer frames;
    private final FloatBuffer logits;
    private final FloatBuffer referenceFirst;
    private final float[] referenceLogits;
    private boolean haveReference;
    private boolean still;

    /** Frames from one clip's start to the next. */
    private final int hop;
    /** PTS of each buffered frame. */
    private final long[] framePts;
    private int count;
    /** Frames pushed since the last result. */
    private int fresh;
    private long clipEndPts;
    private long lastPushNanos;

    ClipActionStream(String streamId, SharedSessions sessions, StreamOptions options) {
        super(streamId, sessions, options);
        Manifest m = manifest;
        this.clipFrames = m.clipFrames();
        this.stride = m.stride();
        this.preprocessor = new FramePreprocessor(m.input());
        this.frameElements = preprocessor.frameElements();
        this.clip = graph(Manifest.CLIP);
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
        this.referenceFirst = gate.enabled() ? NativeBuffers.floats(frameElements) : null;
        this.referenceLogits = new float[labels.size()];
        if (options.clipStride() > clipFrames) {
            throw allocationFailed(new IllegalArgumentException("clip stride " + options.clipStride()
                    + " is longer than the " + clipFrames + "-frame clip"));
        }
        this.hop = options.clipStride() == 0 ? clipFrames : options.clipStride();
        this.framePts = new long[clipFrames];
    }

    @Override
    public Optional<ActionResult> push(Frame frame) {
        long t0 = System.nanoTime();
        checkOpen();
        framePts[count] = frame.ptsNanos();
        preprocessor.normalise(frame, frames, count * frameElements);
        still = count == 0 ? gate.enabled() : still && gate.same(frames, count * frameElements, frames, 0);
        clipEndPts = frame.ptsNanos() + frame.durationNanos();
        lastPushNanos = t0;
        fresh++;
        if (++count < clipFrames) {
            return Optional.empty();
        }
        ActionResult r = runClip();
        slide();
        return Optional.of(r);
    }

    /** Keeps the clip's last T - hop frames as the start of the next clip. */
    private void slide() {
        int kept = clipFrames - hop;
        // Frame by frame, front to back: a frame's source lies hop >= 1 frames behind it, already moved.
        for (int t = 0; t < kept; t++) {
            frames.put(t * frameElements, frames, (t + hop) * frameElements, frameElements);
            framePts[t] = framePts[t + hop];
        }
        count = kept;
        still = gate.enabled();
        for (int t = 1; t < kept && still; t++) {
            still = gate.same(frames, t * frameElements, frames, 0);
        }
    }

    /** A partial clip of at least one group is completed by repeating its last frame. */
    @Override
    public Optional<ActionResult> finish() {
        checkOpen();
        Optional<ActionResult> r = Optional.empty();
        if (count >= stride && fresh > 0) {
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
        fresh = 0;
        haveReference = false;
    }

    private ActionResult runClip() {
        float[] l = new float[labels.size()];
        boolean skip = still && haveReference && gate.same(frames, 0, referenceFirst, 0);
        if (skip) {
            System.arraycopy(referenceLogits, 0, l, 0, l.length);
            skippedGroups++;
        } else {
            clip.run(inputs, outputs);
            FiniteLogits.require(logits, labels, Manifest.CLIP, framePts[0]);
            logits.get(0, l);
            haveReference = still;
            if (still) {
                referenceFirst.put(0, frames, 0, frameElements);
                System.arraycopy(l, 0, referenceLogits, 0, l.length);
            }
        }
        int seen = count;
        count = 0;
        fresh = 0;
        return ActionResult.ofClip(streamId, labels, l, framePts[0], clipEndPts, seen, (seen + stride - 1) / stride,
                skip ? 1 : 0, new float[0], 0f, skip ? 0 : energy.clipPj(), System.nanoTime() - lastPushNanos);
    }
}
