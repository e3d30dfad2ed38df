package org.respike.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.models.engine.ActionResult;

class BenchmarkTest {
    static ActionResult skipping(int groups) {
        return new ActionResult("cam", "idle", 0, 0.9, 0, 1, 0, 1, 16, 16, groups, 0, 0, 0, Map.of("idle", 0.9),
                ActionResult.NO_TRACK, null, null);
    }

    static JsonNode manifest(String architecture) throws Exception {
        return new ObjectMapper().readTree("{\"architecture\": \"" + architecture
                + "\", \"clip_frames\": 16, \"stride\": 4}");
    }

    @Test
    void theHybridCountsGroupsOfEachClipAndAClipModelWholeClips() throws Exception {
        List<ActionResult> results = List.of(skipping(0), skipping(4), skipping(2), skipping(0));
        assertEquals(6.0 / 16, Benchmark.skippedShare(results, manifest("respike-hybrid")), 1e-12);
        List<ActionResult> clips = List.of(skipping(0), skipping(1), skipping(1), skipping(0));
        assertEquals(0.5, Benchmark.skippedShare(clips, manifest("clip")), 1e-12);
        assertEquals(0, Benchmark.skippedShare(List.of(), manifest("clip")));
    }
}
