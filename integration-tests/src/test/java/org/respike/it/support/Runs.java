package org.respike.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;

/** A pipeline run with the actions it produced. */
public record Runs(Pipelines.Result result, List<ActionResult> events) {

    public static Runs of(String launch) {
        List<ActionResult> events = Collections.synchronizedList(new ArrayList<>());
        Pipelines.Result result = PipelineRun.run(launch, events::add, 120_000);
        return new Runs(result, List.copyOf(events));
    }

    /** respikeinfer with the test bundle on the CPU, then any further launch text. */
    public static String infer(String model, String extra) {
        return "respikeinfer model=" + LaunchTemplate.quote(model) + " device=cpu " + extra;
    }

    public Runs assertEos() {
        assertTrue(result.ok(), "expected EOS, got " + result);
        return this;
    }
}
