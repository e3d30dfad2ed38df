package org.respike.pipelines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.respike.pipelines.catalogue.LaunchTemplate;

/**
 * What the model costs inside a pipeline per model frame, against the engine alone on frames of the same
 * size: process CPU time of one stream through respikeinfer minus that of the same pipeline with identity
 * in its place (decode and conversion to RGB in both), over the model frames respikeinfer sampled. Both
 * ungated, so every group runs. Rounds alternate the two pipelines after a warm-up of each (JIT, decoders,
 * and the sessions, which stay open between runs); medians are compared. The ratio is what the pipeline
 * adds to the model's own work: buffer mapping, sampling, and running beside the decoder threads.
 */
final class ModelCost {

    record Result(double pipelineCpuMillisPerModelFrame, double engineCpuMillisPerModelFrame, long modelFramesPerRun,
            List<Double> pipelineRounds) {

        double ratio() {
            return pipelineCpuMillisPerModelFrame / engineCpuMillisPerModelFrame;
        }

        String describe() {
            return String.format(Locale.ROOT, "%.2f ms CPU per model frame in the pipeline (rounds %s, %d model frames "
                            + "each) against %.2f ms for the engine alone on 640x360 frames: %.2fx",
                    pipelineCpuMillisPerModelFrame, rounds(), modelFramesPerRun, engineCpuMillisPerModelFrame, ratio());
        }

        private String rounds() {
            StringBuilder b = new StringBuilder();
            pipelineRounds.forEach(r -> b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", r)));
            return b.toString();
        }
    }

    private ModelCost() {}

    /**
     * @param modelFramesPerRun model frames respikeinfer takes from one run of the input (seconds x model fps)
     * @param width width of the input frames (the engine alone gets noise frames of this size)
     */
    static Result measure(StreamLoad load, Path bundle, long modelFramesPerRun, int width, int height, int rounds)
            throws Exception {
        String rgb = "video/x-raw,format=RGB ! ";
        String identity = rgb + "identity";
        String infer = rgb + "respikeinfer device=cpu static-threshold=0 model=" + LaunchTemplate.quote(bundle.toString());
        load.run(identity, 1);
        load.run(infer, 1);
        List<Double> perModelFrame = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double base = load.run(identity, 1).cpuSeconds();
            double with = load.run(infer, 1).cpuSeconds();
            perModelFrame.add((with - base) * 1e3 / modelFramesPerRun);
        }
        List<Double> sorted = new ArrayList<>(perModelFrame);
        Collections.sort(sorted);
        double engine = EngineThroughput.measure(bundle, (int) Math.max(40, modelFramesPerRun), width, height)
                .cpuMillisPerFrame();
        return new Result(sorted.get(sorted.size() / 2), engine, modelFramesPerRun, perModelFrame);
    }
}
