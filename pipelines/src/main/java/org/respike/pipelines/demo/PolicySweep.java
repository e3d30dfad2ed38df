package org.respike.pipelines.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.respike.elements.events.ClassPolicy;
import org.respike.elements.events.EventMessage;
import org.respike.elements.events.EventPolicy;
import org.respike.models.engine.ActionResult;

/**
 * Chooses the event detector's default class policy by measurement: replays the results that
 * {@code respike demo} recorded on long videos (its {@code events.jsonl}) through {@link EventDetector}
 * for a grid of thresholds and times, and scores the ended events against each video's timeline by
 * {@link EventScore}'s rule (idle left out). Run it on tuning videos only; the videos a bound is reported
 * on stay out of it.
 *
 * <pre>java ... PolicySweep RESULTS.jsonl TRUTH.json [RESULTS.jsonl TRUTH.json ...]</pre>
 */
public final class PolicySweep {
    private static final Set<String> IDLE = Set.of("idle");

    /** A policy's events over all videos, summed. */
    public record Row(ClassPolicy policy, EventScore score) {}

    private PolicySweep() {}

    /** Every policy of the grid, best smaller of precision and recall first, ties by precision. */
    public static List<Row> sweep(List<List<ActionResult>> videos, List<GroundTruth> truths) {
        List<Row> rows = new ArrayList<>();
        for (double on : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.6}) {
            for (double gap : new double[] {0.1, 0.2}) {
                for (int minMs : new int[] {0, 500, 1000}) {
                    for (int holdMs : new int[] {500, 1000, 1500, 2500}) {
                        ClassPolicy p = new ClassPolicy(on, Math.max(0, on - gap), Duration.ofMillis(minMs),
                                Duration.ofMillis(holdMs), false);
                        rows.add(new Row(p, score(p, videos, truths)));
                    }
                }
            }
        }
        rows.sort(Comparator.comparingDouble((Row r) -> Math.min(r.score().precision(), r.score().recall()))
                .thenComparingDouble(r -> r.score().precision()).reversed());
        return rows;
    }

    /** The ended events of one policy on every video, scored together. */
    public static EventScore score(ClassPolicy policy, List<List<ActionResult>> videos, List<GroundTruth> truths) {
        EventPolicy replayed = new EventPolicy(policy, Map.of(), IDLE, Duration.ZERO);
        EventScore sum = new EventScore(0, 0, 0, 0);
        for (int v = 0; v < videos.size(); v++) {
            List<EventScore.Interval> detected = EventScore.replay(replayed, videos.get(v)).stream()
                    .filter(m -> m.kind() == EventMessage.Kind.END).map(EventScore::interval).toList();
            sum = sum.plus(EventScore.of(detected, EventScore.actions(truths.get(v), IDLE)));
        }
        return sum;
    }

    static List<ActionResult> readResults(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ActionResult> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            if (!line.isBlank()) {
                out.add(ActionResult.fromFields(json.readValue(line, new TypeReference<Map<String, Object>>() {})));
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        List<List<ActionResult>> videos = new ArrayList<>();
        List<GroundTruth> truths = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            videos.add(readResults(Path.of(args[i])));
            truths.add(GroundTruth.read(Path.of(args[i + 1])));
        }
        List<Row> rows = sweep(videos, truths);
        System.out.println("default " + describe(EventPolicy.DEFAULT_CLASS) + ": "
                + score(EventPolicy.DEFAULT_CLASS, videos, truths));
        rows.stream().limit(8).forEach(r -> System.out.println(describe(r.policy()) + ": " + r.score()));
    }

    static String describe(ClassPolicy p) {
        return String.format(Locale.ROOT, "on=%.2f,off=%.2f,min=%.1f,hold=%.1f", p.onScore(), p.offScore(),
                p.minDuration().toMillis() / 1e3, p.holdTime().toMillis() / 1e3);
    }
}
