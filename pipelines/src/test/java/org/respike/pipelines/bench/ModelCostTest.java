package org.respike.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelCostTest {
    @Test
    void stagesSplitTheEngineIntoItsGraphsAndTheRestAndTheRestOfThePipeline() {
        Map<String, Double> graphs = new TreeMap<>(Map.of("ann", 0.5, "head", 0.25, "snn_step", 1.0));
        ModelCost.Result r = new ModelCost.Result(3.0, 2.0, 240, List.of(3.0), 1.2, graphs);
        Map<String, Double> s = r.stages();
        assertEquals(List.of("decode_per_input_frame", "ann_per_model_frame", "head_per_model_frame",
                "snn_step_per_model_frame", "engine_rest_per_model_frame", "pipeline_over_engine_per_model_frame"),
                List.copyOf(s.keySet()));
        assertEquals(1.2, s.get("decode_per_input_frame"));
        assertEquals(0.25, s.get("engine_rest_per_model_frame"), 1e-12);
        assertEquals(1.0, s.get("pipeline_over_engine_per_model_frame"), 1e-12);
    }
}
