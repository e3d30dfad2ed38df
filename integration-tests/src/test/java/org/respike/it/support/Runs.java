package org.respike.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;

/** A pipeline run with the actions it produced and the warnings it posted. */
public record Runs(Pipelines.Result result, List<ActionResult> events, List<String> warnings) {

    public static Runs of(String launch) {
        List<ActionResult> events = Collections.synchronizedList(new ArrayList<>());
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Pipelines.Result result = PipelineRun.run(launch, new PipelineRun.Listener() {
            @Override
            public void onAction(ActionResult action) {
                events.add(action);
            }

            @Override
            public void onWarning(String text) {
                warnings.add(text);
            }
        }, 120_000);
        return new Runs(result, List.copyOf(events), List.copyOf(warnings));
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
