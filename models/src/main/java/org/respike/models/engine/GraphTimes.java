package org.respike.models.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls and wall time of each graph of one set of shared sessions, over every stream that runs them (a
 * batched call counts once): where a model frame's time goes, per graph.
 */
final class GraphTimes {
    private final Map<String, LongAdder[]> byGraph = new ConcurrentHashMap<>();

    void add(String graph, long nanos) {
        LongAdder[] a = byGraph.computeIfAbsent(graph, g -> new LongAdder[] {new LongAdder(), new LongAdder()});
        a[0].increment();
        a[1].add(nanos);
    }

    /** So far, by graph name. */
    Map<String, GraphTime> snapshot() {
        Map<String, GraphTime> out = new TreeMap<>();
        byGraph.forEach((g, a) -> out.put(g, new GraphTime(a[0].sum(), a[1].sum())));
        return out;
    }
}
