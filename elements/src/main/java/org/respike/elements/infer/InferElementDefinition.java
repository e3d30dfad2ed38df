package org.respike.elements.infer;

import java.util.List;
import org.respike.elements.VideoCaps;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertySpec.Choice;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.StreamOptions;

/** respikeinfer: hybrid ANN+SNN action recognition on the video passing through. */
public final class InferElementDefinition extends BasicElementDefinition {

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.string("model", "Model bundle",
                    "Model bundle folder exported by the recipe; empty = the bundled default "
                            + "(models/bundles/respike-hybrid under RESPIKE_ROOT)", "").readAtStartOnly(),
            PropertySpec.choice("device", "Execution provider", "Where ONNX Runtime runs the model", "auto", List.of(
                    new Choice("auto", "TensorRT if it loads, else CUDA, else CPU, with one warning"),
                    new Choice("cpu", "CPU"),
                    new Choice("cuda", "CUDA"),
                    new Choice("tensorrt", "TensorRT"))).readAtStartOnly(),
            PropertySpec.integer("device-id", "Device id", "GPU index for cuda and tensorrt", 0, 0, 64).readAtStartOnly(),
            PropertySpec.integer("threads", "Threads", "ONNX Runtime intra-op threads per session", 1, 1, 64)
                    .readAtStartOnly(),
            PropertySpec.integer("max-batch", "Maximum batch",
                    "Most streams and tracks run together in one ONNX Runtime call of a graph: the tracks of this "
                            + "element (inference-region=roi-list) and every respikeinfer in the process started with "
                            + "the same model, device, threads, max-batch and max-wait. Larger batches cost less "
                            + "per frame on a busy CPU or a GPU; a call may wait up to max-wait for others. "
                            + "1 = every stream runs its own calls, no waiting",
                    EngineConfig.defaults().maxBatch(), 1, 64).readAtStartOnly(),
            PropertySpec.integer("max-wait", "Maximum batch wait",
                    "With max-batch > 1: milliseconds a call waits for other streams to join its batch (it runs at "
                            + "once when the batch is full or every stream has a call waiting). Longer fills more "
                            + "batches when streams run out of step, at that much latency; keep it well under a group "
                            + "period (stride / fps: 500 ms for the bundled model)",
                    (int) EngineConfig.DEFAULT_MAX_WAIT.toMillis(), 0, 1000).readAtStartOnly(),
            PropertySpec.real("static-threshold", "Static-scene threshold",
                    "Static-scene gate, in 8-bit levels: a group whose frames stay within this of its key frame, "
                            + "and whose key frame is within this of the last static group's, reuses that group's "
                            + "result instead of running the model (a 3D CNN bundle: whole clips and their first "
                            + "frames), so empty or still scenes cost almost no model time. Distances are of "
                            + "8x8-pixel cell means of the model input, so sensor noise averages out; too high a value "
                            + "misses small, slow motion. 0 = off, every group runs. "
                            + "The default sits above the noise of sigma-6 sensor noise through H.264",
                    StreamOptions.DEFAULT_STATIC_THRESHOLD, 0.0, 255.0).readAtStartOnly(),
            PropertySpec.string("stream-id", "Stream id",
                    "Id reported with every result (e.g. the camera name); empty = the element's name", "")
                    .readAtStartOnly(),
            PropertySpec.integer("window", "Window",
                    "Groups per clip: a result is emitted at each group end over the last 'window' groups; "
                            + "0 = the model's clip length (clip_frames / stride)", 0, 0, 1024).readAtStartOnly(),
            PropertySpec.integer("clip-stride", "Clip stride",
                    "Clip models (the 3D-CNN baseline): frames from one clip's start to the next; the model's "
                            + "stride gives a result every group, the hybrid's result rate, for clip-length / "
                            + "stride times the compute; 0 = the clip length (clips do not overlap). The hybrid "
                            + "reports every group and ignores it", 0, 0, 1024).readAtStartOnly(),
            PropertySpec.real("fps", "Model frame rate",
                    "Frames per second fed to the model, picked by timestamp (all frames pass through); "
                            + "0 = the rate the model was trained at", 0.0, 0.0, 1000.0).readAtStartOnly(),
            PropertySpec.real("min-score", "Minimum score",
                    "Results scoring below this are not published (message, meta or JSON)", 0.0, 0.0, 1.0),
            PropertySpec.string("json-output", "JSON output",
                    "Append one JSON object per result to this file; '-' = standard output; empty = none", "")
                    .readAtStartOnly(),
            PropertySpec.bool("flush-on-eos", "Flush on EOS",
                    "At end of stream, publish the partial clip (completing a partial group from the frames "
                            + "seen); false drops it", true).readAtStartOnly(),
            PropertySpec.choice("inference-region", "Inference region",
                    "What the model sees: whole frames, or each tracked person cut from the frame", "full-frame",
                    List.of(new Choice("full-frame", "The whole frame, one clip stream"),
                            new Choice("roi-list", "Each GstVideoRegionOfInterestMeta's track (respikemotion, or a "
                                    + "detector and tracker upstream): one clip stream per track, the result also added "
                                    + "to the region as a respike-action param structure"))).readAtStartOnly(),
            PropertySpec.integer("max-tracks", "Maximum tracks",
                    "With inference-region=roi-list: tracks recognised at once; regions of further tracks are "
                            + "ignored, with one warning, until one ends", 16, 1, 1024).readAtStartOnly(),
            PropertySpec.integer("track-timeout", "Track timeout",
                    "With inference-region=roi-list: model frames a track may go unseen before its partial clip is "
                            + "published and its state dropped", 16, 1, 100000).readAtStartOnly());

    public InferElementDefinition() {
        super("respikeinfer", new ElementMetadata("ReSpike action recognition", "Filter/Analyzer/Video",
                        "Recognises actions with a hybrid ANN+SNN (ReSpike) model: ANN on key frames, spiking network on "
                                + "residual frames, cross-attention fusion. Posts 'respike-action' element messages "
                                + "(label, score, start, end, stream-id, spike-rate, energy-pj, latency-us, scores, track-id, box), attaches "
                                + "a respike-action meta to the buffer that ends each clip and can write JSON lines. "
                                + "With inference-region=roi-list each tracked region of interest is recognised on its "
                                + "own (track-id and box say which). Reads packed RGB or a decoder's I420 or NV12 "
                                + "as it is, converting to RGB only the frames it samples, at the model's size. "
                                + "Example: gst-launch-1.0 -m filesrc location=clip.mp4 ! decodebin ! videoconvert ! "
                                + "respikeinfer json-output=- ! fakesink",
                        "ReSpike for GStreamer"),
                PROPERTIES, VideoCaps.RGB_OR_YUV, true, InferElement::new);
    }
}
