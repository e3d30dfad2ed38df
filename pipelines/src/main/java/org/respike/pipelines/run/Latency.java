package org.respike.pipelines.run;

import java.util.List;
import org.respike.models.engine.ActionResult;

/** Result latency of a run (from a clip's last frame to its result), as percentiles in microseconds. */
public record Latency(long p50Us, long p99Us) {

    public static Latency of(List<ActionResult> events) {
        List<Long> sorted = events.stream().map(ActionResult::latencyUs).sorted().toList();
        return new Latency(percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
