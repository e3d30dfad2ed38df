package org.respike.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveillanceBenchTest {

    @Test
    void eightCamerasSeePeopleAFifthOfTheTimeEachAtItsOwnTime() {
        List<SurveillanceBench.Camera> cameras = SurveillanceBench.cameras();
        assertEquals(8, cameras.size());
        Set<Integer> seeds = new HashSet<>();
        double busy = 0;
        for (SurveillanceBench.Camera c : cameras) {
            assertTrue(seeds.add(c.seed()), "one scene per camera");
            assertTrue(c.inViewStart() >= 0 && c.inViewStart() + c.inViewSeconds() <= SurveillanceBench.SECONDS, c.toString());
            busy += c.inViewSeconds();
        }
        assertEquals(0.2, busy / (8.0 * SurveillanceBench.SECONDS), 1e-9);
        // Staggered: at no time are more than three cameras busy, so a trial's load is spread, not one burst.
        for (double t = 0; t < SurveillanceBench.SECONDS; t += 0.25) {
            double at = t;
            long inView = cameras.stream().filter(c -> at >= c.inViewStart() && at < c.inViewStart() + c.inViewSeconds())
                    .count();
            assertTrue(inView <= 3, "at " + t + " s: " + inView);
        }
        List<String> command = SurveillanceBench.renderCommand(cameras.get(2), Path.of("/tmp/x"));
        String line = String.join(" ", command);
        assertTrue(line.contains("-m respike_recipe.render --out /tmp/x --multi 1 --in-view 7.5,6.0 --duration-s 30")
                && line.endsWith("--fps 25 --seed 302"), line);
    }

    @Test
    void streamsTakeTheCamerasInTurn() {
        StreamLoad load = new StreamLoad(List.of(Path.of("/v/a.mp4"), Path.of("/v/b.mp4")), 30, 750);
        assertTrue(load.launch("identity", 0).contains("/v/a.mp4"));
        assertTrue(load.launch("identity", 1).contains("/v/b.mp4"));
        assertTrue(load.launch("identity", 2).contains("/v/a.mp4"));
    }

    @Test
    void theTableSharesTheDecodeLimitAndComparesGatedWithUngated() {
        Map<String, Object> json = Map.of("date", "d", "workload", "w",
                "machine", Map.of("cpu", "c", "cores", 2, "java", "j"),
                "decode_only_realtime_streams", 40, "decode_only_capacity_trials", List.of(),
                "models", List.of(
                        Map.of("name", "hybrid", "realtime_streams", 36, "realtime_streams_ungated", 24,
                                "gate_skipped_share", 0.75, "realtime_streams_trials", List.of(),
                                "realtime_streams_ungated_trials", List.of()),
                        Map.ofEntries(Map.entry("name", "c3d"), Map.entry("realtime_streams", 30),
                                Map.entry("realtime_streams_ungated", 12), Map.entry("gate_skipped_share", 0.5),
                                Map.entry("realtime_streams_trials", List.of()),
                                Map.entry("realtime_streams_ungated_trials", List.of()),
                                Map.entry("hybrid_rate_clip_stride", 4), Map.entry("realtime_streams_at_hybrid_rate", 10),
                                Map.entry("realtime_streams_ungated_at_hybrid_rate", 6),
                                Map.entry("realtime_streams_at_hybrid_rate_trials", List.of()),
                                Map.entry("realtime_streams_ungated_at_hybrid_rate_trials", List.of()))));
        String md = SurveillanceBench.markdown(json);
        assertTrue(md.contains("| hybrid | 36 (90%) | 24 | 75.0% |"), md);
        assertTrue(md.contains("| c3d, a clip every 4 frames (the hybrid's result rate) | 10 (25%) | 6 | |"), md);
        assertTrue(md.contains("hybrid gated against c3d ungated: 3.00x."), md);
        assertTrue(md.contains("hybrid gated against c3d ungated at the hybrid's result rate: 6.00x."), md);
    }
}
