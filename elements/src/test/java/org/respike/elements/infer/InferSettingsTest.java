package org.respike.elements.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.StreamOptions;

/** respikeinfer's batching and static-scene properties as the engine receives them. */
class InferSettingsTest {

    @Test
    void byDefaultNothingBatchesAndTheGateIsOnAtItsCalibratedThreshold() {
        InferSettings s = InferSettings.of(Map.of());
        assertEquals(1, s.engine().maxBatch());
        assertEquals(EngineConfig.DEFAULT_MAX_WAIT, s.engine().maxWait());
        assertEquals(StreamOptions.DEFAULT_STATIC_THRESHOLD, s.stream().staticThreshold());
        assertEquals(s.stream(), s.tracks().stream());
    }

    @Test
    void batchingAndGatePropertiesReachTheEngineConfigAndEveryStream() {
        InferSettings s = InferSettings.of(Map.of("max-batch", 8, "max-wait", 5, "static-threshold", 0.0,
                "inference-region", "roi-list"));
        assertEquals(8, s.engine().maxBatch());
        assertEquals(Duration.ofMillis(5), s.engine().maxWait());
        assertEquals(0f, s.stream().staticThreshold());
        assertEquals(0f, s.tracks().stream().staticThreshold(), "each track's stream");
        assertEquals(EngineConfig.cpu().withBatching(8, Duration.ofMillis(5)),
                InferSettings.of(Map.of("device", "cpu", "max-batch", 8, "max-wait", 5)).engine(),
                "equal settings, equal config: the same shared sessions and batcher");
    }
}
