package org.respike.models.engine;

import static org.respike.models.bundle.TensorNames.ANN_POOLED;
import static org.respike.models.bundle.TensorNames.KEY_FRAME;
import static org.respike.models.bundle.TensorNames.LOGITS;
import static org.respike.models.bundle.TensorNames.RESIDUAL;
import static org.respike.models.bundle.TensorNames.SNN_FEATURE;
import static org.respike.models.bundle.TensorNames.SNN_MEAN;
import static org.respike.models.bundle.TensorNames.SPIKE_COUNTS;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.engine.StreamTensors.Pinned;
import org.respike.models.frame.Frame;
import org.respike.models.frame.NativeBuffers;
import org.respike.models.frame.ResidualExtractor;

/**
 * Streaming ReSpike: per group of s frames, the key frame runs the ANN once and its outputs stay pinned
 * as the context of the group's steps; each following frame becomes a residual and runs one SNN step
 * with the LIF membranes carried in {@link SnnState}; the group ends with the head on the mean SNN
 * feature. Group logits go into a ring, and the mean of the last {@code window} groups is the clip
 * result, so a result comes every s frames and equals the whole-clip graph on aligned windows.
 * All work for a frame happens in its push, which keeps latency at one graph run per frame.
 *
 * <p>With the static-scene gate on, a group whose key frame matches the reference (the key frame of the
 * last group that ran and was itself still) is run lazily: its ANN run and steps wait, the residuals kept,
 * as long as every residual stays still; at the group end it reuses the reference group's logits. The
 * first residual that moves catches up on the waiting work in that push, so results equal an ungated run.
 */
final class HybridActionStream extends GraphActionStream {
    private final StreamOptions options;
    private final int stride;
    private final long[] neurons;
    private final GroupLogitsRing ring;
    private final ResidualExtractor extractor;
    private final SnnState snn;

    private final StreamGraph ann;
    private final StreamGraph step;
    private final StreamGraph head;
    private final Map<String, OnnxTensor> annInputs;
    private final Map<String, OnnxTensor> annOutputs;
    private final Map<String, OnnxTensor> headInputs;
    private final Map<String, OnnxTensor> headOutputs;
    private final FloatBuffer residual;
    private final FloatBuffer feature;
    private final FloatBuffer spikes;
    private final FloatBuffer snnMean;
    private final FloatBuffer logits;
    private final float[] featureSum;
    private final double[] groupSpikes;
    private final double[] noSpikes;
    /** Residuals of a group waiting on the gate, and the reference key frame and logits. */
    private final FloatBuffer[] waiting;
    private final FloatBuffer referenceKey;
    private final FloatBuffer referenceLogits;
    private boolean haveReference;

    private int position;
    /** Residual frames of the group so far, run or waiting. */
    private int steps;
    private int stepsRun;
    private boolean lazy;
    private boolean still;
    private long groupStartPts;
    private long groupEndPts;
    private double groupEnergy;
    private int groupsSinceResult;
    private long lastPushNanos;

    HybridActionStream(String streamId, SharedSessions sessions, StreamOptions options) {
        super(streamId, sessions, options);
        this.options = options;
        Manifest m = manifest;
        this.stride = m.stride();
        this.neurons = m.lifLayers().stream().mapToLong(Manifest.LifLayer::neurons).toArray();
        this.ring = new GroupLogitsRing(options.window() == 0 ? m.groupsPerClip() : options.window(), m.classes(),
                neurons.length);
        this.ann = graph(Manifest.ANN);
        this.step = graph(Manifest.SNN_STEP);
        this.head = graph(Manifest.HEAD);
        this.extractor = new ResidualExtractor(m.input());
        GraphSpec annSpec = m.graph(Manifest.ANN);
        GraphSpec stepSpec = m.graph(Manifest.SNN_STEP);
        GraphSpec headSpec = m.graph(Manifest.HEAD);
        try {
            this.annInputs = Map.of(KEY_FRAME, tensors.wrap(extractor.key(), annSpec.input(KEY_FRAME)).tensor());
            this.annOutputs = tensors.pinAll(annSpec.outputs(), Map.of());

            Pinned residualT = tensors.create(stepSpec.input(RESIDUAL));
            Pinned featureT = tensors.create(stepSpec.output(SNN_FEATURE));
            Pinned spikesT = tensors.create(stepSpec.output(SPIKE_COUNTS));
            Map<String, OnnxTensor> stepInputs = new HashMap<>();
            stepInputs.put(RESIDUAL, residualT.tensor());
            for (String c : m.context()) {
                stepInputs.put(c, annOutputs.get(c));
            }
            Set<String> stateOutputs = m.state().stream().map(Manifest.StateSpec::output).collect(Collectors.toSet());
            List<TensorSpec> otherOutputs = stepSpec.outputs().stream()
                    .filter(o -> !stateOutputs.contains(o.name())).toList();
            Map<String, OnnxTensor> stepOutputs = tensors.pinAll(otherOutputs,
                    Map.of(SNN_FEATURE, featureT, SPIKE_COUNTS, spikesT));
            this.snn = new SnnState(tensors, m.state(), stepInputs, stepOutputs);

            Pinned meanT = tensors.create(headSpec.input(SNN_MEAN));
            Pinned logitsT = tensors.create(headSpec.output(LOGITS));
            this.headInputs = Map.of(ANN_POOLED, annOutputs.get(ANN_POOLED), SNN_MEAN, meanT.tensor());
            this.headOutputs = tensors.pinAll(headSpec.outputs(), Map.of(LOGITS, logitsT));

            this.residual = residualT.buffer();
            this.feature = featureT.buffer();
            this.spikes = spikesT.buffer();
            this.snnMean = meanT.buffer();
            this.logits = logitsT.buffer();
        } catch (OrtException | RuntimeException e) {
            throw allocationFailed(e);
        }
        this.featureSum = new float[feature.capacity()];
        this.groupSpikes = new double[neurons.length];
        this.noSpikes = new double[neurons.length];
        int gated = gate.enabled() ? stride - 1 : 0;
        this.waiting = new FloatBuffer[gated];
        for (int i = 0; i < gated; i++) {
            waiting[i] = NativeBuffers.floats(extractor.frameElements());
        }
        this.referenceKey = gate.enabled() ? NativeBuffers.floats(extractor.frameElements()) : null;
        this.referenceLogits = NativeBuffers.floats(m.classes());
    }

    @Override
    public Optional<ActionResult> push(Frame frame) {
        long t0 = System.nanoTime();
        checkOpen();
        if (position == 0) {
            startGroup(frame);
        } else {
            runStep(frame);
        }
        groupEndPts = frame.ptsNanos() + frame.durationNanos();
        lastPushNanos = t0;
        if (++position < stride) {
            return Optional.empty();
        }
        endGroup();
        return ring.isFull() ? Optional.of(result()) : Optional.empty();
    }

    @Override
    public Optional<ActionResult> finish() {
        checkOpen();
        if (options.completePartialGroup() && steps > 0 && position > 0) {
            endGroup();
        }
        Optional<ActionResult> r = ring.size() > 0 && groupsSinceResult > 0 ? Optional.of(result()) : Optional.empty();
        reset();
        return r;
    }

    @Override
    public void reset() {
        position = 0;
        steps = 0;
        groupsSinceResult = 0;
        haveReference = false;
        lazy = false;
        ring.clear();
    }

    private void startGroup(Frame key) {
        extractor.setKey(key);
        steps = 0;
        stepsRun = 0;
        groupStartPts = key.ptsNanos();
        still = gate.enabled();
        lazy = haveReference && gate.same(extractor.key(), 0, referenceKey, 0);
        if (!lazy) {
            runKey();
        }
    }

    private void runKey() {
        ann.run(annInputs, annOutputs);
        snn.reset();
        Arrays.fill(featureSum, 0f);
        Arrays.fill(groupSpikes, 0);
        groupEnergy = energy.groupPj();
    }

    private void runStep(Frame frame) {
        extractor.residual(frame, residual);
        still = still && gate.still(residual);
        if (!lazy) {
            runResidual();
        } else if (still) {
            waiting[steps].put(0, residual, 0, residual.capacity());
        } else {
            catchUp();
            runResidual();
        }
        steps++;
    }

    /** The gate opened: runs the key frame and the residuals that waited, then goes on eagerly. */
    private void catchUp() {
        lazy = false;
        runKey();
        waiting[steps].put(0, residual, 0, residual.capacity());
        for (int i = 0; i < steps; i++) {
            residual.put(0, waiting[i], 0, residual.capacity());
            runResidual();
        }
        residual.put(0, waiting[steps], 0, residual.capacity());
    }

    private void runResidual() {
        step.run(snn.stepInputs(), snn.stepOutputs());
        snn.swap();
        for (int i = 0; i < featureSum.length; i++) {
            featureSum[i] += feature.get(i);
        }
        for (int l = 0; l < groupSpikes.length; l++) {
            groupSpikes[l] += spikes.get(l);
        }
        groupEnergy += energy.stepPj(spikes);
        stepsRun++;
    }

    /**
     * Head on the mean feature of the steps seen and the group's logits join the ring; a group still
     * lazy here was static from start to end and joins with the reference's logits instead.
     */
    private void endGroup() {
        if (lazy) {
            ring.add(referenceLogits, groupStartPts, groupEndPts, position, 0, noSpikes, 0, true);
            skippedGroups++;
        } else {
            for (int i = 0; i < featureSum.length; i++) {
                snnMean.put(i, featureSum[i] / stepsRun);
            }
            head.run(headInputs, headOutputs);
            FiniteLogits.require(logits, labels, Manifest.HEAD, groupStartPts);
            ring.add(logits, groupStartPts, groupEndPts, position, stepsRun, groupSpikes, groupEnergy, false);
            haveReference = still;
            if (still) {
                referenceKey.put(0, extractor.key(), 0, referenceKey.capacity());
                referenceLogits.put(0, logits, 0, referenceLogits.capacity());
            }
        }
        lazy = false;
        groupsSinceResult++;
        position = 0;
    }

    private ActionResult result() {
        groupsSinceResult = 0;
        return ActionResult.ofClip(streamId, labels, ring.meanLogits(), ring.startPts(), ring.endPts(), ring.frames(),
                ring.size(), ring.skipped(), ring.spikeRates(neurons), ring.meanSpikeRate(neurons), ring.energy(),
                System.nanoTime() - lastPushNanos);
    }
}
