package org.respike.models.parity;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.testing.ClipOnlyBundle;
import org.respike.models.testing.Golden;
import org.respike.models.testing.Parity;
import org.respike.models.testing.TestBundles;

/**
 * The hybrid bundle in Java against the PyTorch model it was exported from: each graph on fixed random
 * inputs; every real clip streamed frame by frame and through clip.onnx; and streaming against clip.onnx
 * within Java.
 */
class ParityTest {
    static Golden golden;
    static InferenceEngine hybrid;
    static Map<String, float[]> streamed;
    static Map<String, float[]> wholeClip;

    @BeforeAll
    static void run(@TempDir Path tmp) throws Exception {
        Path bundle = TestBundles.hybrid();
        golden = Golden.load(bundle);
        hybrid = InferenceEngine.shared(bundle, EngineConfig.cpu());
        streamed = Parity.classifyAll(hybrid, golden);
        try (InferenceEngine clipOnly = InferenceEngine.shared(ClipOnlyBundle.derive(bundle, tmp.resolve("clip")),
                EngineConfig.cpu())) {
            wholeClip = Parity.classifyAll(clipOnly, golden);
        }
    }

    @AfterAll
    static void close() {
        if (hybrid != null) {
            hybrid.close();
        }
    }

    @Test
    void eachGraphMatchesPyTorchOnRandomVectors() throws Exception {
        Parity.graphsMatch(hybrid.bundle(), golden);
    }

    @Test
    void streamingMatchesPyTorch() {
        Parity.compareClips("streaming vs PyTorch", golden, streamed, Parity.goldenLogits(golden));
    }

    @Test
    void wholeClipGraphMatchesPyTorch() {
        Parity.compareClips("clip.onnx vs PyTorch", golden, wholeClip, Parity.goldenLogits(golden));
    }

    @Test
    void streamingEqualsWholeClipInJava() {
        Parity.compareClips("streaming vs clip.onnx (Java)", golden, streamed, wholeClip);
    }
}
