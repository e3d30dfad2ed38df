package org.respike.pipelines.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.respike.elements.RespikeHome;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.PipelineCatalogue;
import org.respike.pipelines.run.PipelineRun;
import org.respike.pipelines.run.Reconnector;
import org.respike.plugin.gst.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** respike launch: like gst-launch-1.0, with the ReSpike elements, catalogue entries and reconnects. */
@Command(name = "launch", description = {
        "Runs a launch string (or a catalogue entry with --pipeline) with the ReSpike elements registered,",
        "printing each recognised action, warning and error as one line."})
final class LaunchCommand implements Callable<Integer> {

    @Option(names = "--pipeline", paramLabel = "NAME", description = "A launch string from pipelines/catalogue "
            + "(see 'respike pipelines'); its variables come from --set.")
    String pipeline;

    @Option(names = {"-s", "--set"}, paramLabel = "VAR=VALUE", description = "A catalogue variable, e.g. URI=file:///a.mp4.")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--reconnect", description = "For cameras: when the pipeline fails or its stream ends (the "
            + "camera went away), start it again with exponential backoff (1 s doubling to 30 s), up to --max-restarts.")
    boolean reconnect;

    @Option(names = "--max-restarts", defaultValue = "-1", description = "With --reconnect: give up after this many "
            + "restarts (-1: never).")
    int maxRestarts;

    @Option(names = "--timeout-s", defaultValue = "0", description = "Stop each run after this long (0: never).")
    long timeoutSeconds;

    @Parameters(paramLabel = "LAUNCH", arity = "0..*", description = "The launch string, as for gst-launch-1.0.")
    List<String> launch = List.of();

    @Override
    public Integer call() {
        String description = pipeline != null
                ? PipelineCatalogue.load(RespikeHome.root().resolve("pipelines/catalogue")).get(pipeline).render(values)
                : String.join(" ", launch);
        if (description.isBlank()) {
            System.err.println("respike launch: give a launch string or --pipeline NAME");
            return 2;
        }
        PipelineRun.Listener printer = new PipelineRun.Listener() {
            @Override
            public void onAction(ActionResult e) {
                System.out.printf("ACTION %s %s %.3f [%.2f s .. %.2f s]%n", e.streamId(), e.label(), e.score(),
                        e.start() / 1e9, e.end() / 1e9);
            }

            @Override
            public void onWarning(String text) {
                System.err.println("WARNING " + text);
            }
        };
        long timeout = timeoutSeconds * 1000;
        Pipelines.Result result = reconnect
                ? new Reconnector(1_000, 30_000, maxRestarts, System.err::println).run(description, printer, timeout)
                : PipelineRun.run(description, printer, timeout);
        System.err.println(result.ok() ? "EOS" : "ERROR " + result.message());
        return switch (result.outcome()) {
            case EOS -> 0;
            case ERROR, TIMEOUT -> 1;
            case BAD_PIPELINE -> 2;
        };
    }
}
