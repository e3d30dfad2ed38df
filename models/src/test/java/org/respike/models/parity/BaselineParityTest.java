package org.respike.models.parity;

import org.junit.jupiter.api.Test;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.testing.Golden;
import org.respike.models.testing.Parity;
import org.respike.models.testing.TestBundles;

/** The clip-architecture baseline bundle (3D CNN) in Java against PyTorch. */
class BaselineParityTest {
    @Test
    void graphAndEveryClipMatchPyTorch() throws Exception {
        try (InferenceEngine engine = InferenceEngine.shared(TestBundles.clip(), EngineConfig.cpu())) {
            Golden golden = Golden.load(engine.bundle().dir());
            Parity.graphsMatch(engine.bundle(), golden);
            Parity.compareClips("baseline clip stream vs PyTorch", golden, Parity.classifyAll(engine, golden),
                    Parity.goldenLogits(golden));
        }
    }
}
