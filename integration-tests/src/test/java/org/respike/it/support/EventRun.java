package org.respike.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.respike.models.engine.ActionResult;
import org.respike.plugin.RespikePlugin;
import org.respike.plugin.gst.Pipelines;

/** A pipeline run with its respike-action results and the respike-event and respike-publish-stats messages. */
public record EventRun(Pipelines.Result result, List<ActionResult> actions, List<Map<String, Object>> events,
                       List<Map<String, Object>> stats) {

    /** Runs {@code launch}; {@code onEvent} sees each event message as it is read off the bus. */
    public static EventRun of(String launch, Consumer<List<Map<String, Object>>> onEvent) {
        List<ActionResult> actions = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> stats = new ArrayList<>();
        RespikePlugin.initInJvm();
        Pipelines.Result result = Pipelines.run(launch, m -> {
            if (m.kind() != Pipelines.Kind.ELEMENT) {
                return;
            }
            if (ActionResult.NAME.equals(m.structureName())) {
                actions.add(ActionResult.fromFields(m.fields()));
            } else if ("respike-publish-stats".equals(m.structureName())) {
                stats.add(m.fields());
            } else if ("respike-event".equals(m.structureName())) {
                events.add(m.fields());
                onEvent.accept(events);
            }
        }, 120_000);
        return new EventRun(result, List.copyOf(actions), List.copyOf(events), List.copyOf(stats));
    }

    /** Each event message as "event_id kind": what a consumer de-duplicates on. */
    public Set<String> keys() {
        return events.stream().map(e -> e.get("event_id") + " " + e.get("kind"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@link #keys} of messages received from a broker. */
    public static Set<String> keys(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("event_id").asText() + " " + m.get("kind").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
