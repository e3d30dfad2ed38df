package org.respike.pipelines.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.respike.elements.RespikeHome;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.ExecutionProvider;
import org.respike.models.engine.InferenceEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** respike inspect: what a model bundle is and where it would run. */
@Command(name = "inspect", description = "Shows a model bundle: labels, input, stride, clip length, fps, graphs, "
        + "op counts, and the execution provider that loads on this machine.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ModelOptions options;

    @Override
    public Integer call() {
        EngineConfig config = EngineConfig.defaults().withProvider(ExecutionProvider.parse(options.device));
        try (InferenceEngine engine = InferenceEngine.shared(RespikeHome.model(options.model), config)) {
            Manifest m = engine.bundle().manifest();
            System.out.println("bundle:       " + engine.bundle().dir());
            System.out.println("name:         " + m.name() + " (" + m.architecture() + ", format " + m.formatVersion() + ")");
            System.out.println("labels:       " + String.join(", ", m.labels()));
            System.out.printf(Locale.ROOT, "input:        %dx%d %s, mean %s, std %s%n", m.input().width(),
                    m.input().height(), m.input().colorOrder(), Arrays.toString(m.input().mean()),
                    Arrays.toString(m.input().std()));
            System.out.printf(Locale.ROOT, "clip:         %d frames, groups of %d (1 key + %d residual), %.1f fps%n",
                    m.clipFrames(), m.stride(), m.stride() - 1, m.fps());
            m.graphs().forEach((key, g) -> System.out.println("graph " + pad(key) + g.file() + "  in " + names(g.inputs())
                    + "  out " + names(g.outputs())));
            System.out.println("LIF layers:   " + m.lifLayers().size());
            System.out.println("provider:     " + engine.providerName());
            return 0;
        }
    }

    private static String pad(String key) {
        return String.format("%-10s", key + ":");
    }

    private static String names(List<TensorSpec> tensors) {
        return tensors.stream().map(TensorSpec::name).toList().toString();
    }
}
