package org.respike.pipelines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.respike.models.frame.PixelFormat;
import org.respike.pipelines.catalogue.LaunchTemplate;

/**
 * What the model costs inside a pipeline per model frame, against the engine alone on frames of the same
 * size: process CPU time of one stream through respikeinfer minus that of the same pipeline with identity
 * in its place (decode in both: the decoder's I420 passes videoconvert untouched, as in respikebin), over
 * the model frames respikeinfer sampled; the engine alone gets I420 frames of the same size. Both
 * ungated, so every group runs. Rounds alternate the two pipelines after a warm-up of each (JIT, decoders,
 * and the sessions, which stay open between runs); medians are compared. The ratio is what the pipeline
 * adds to the model's own work: buffer mapping, sampling, and running beside the decoder threads.
 */
final class ModelCost {

    /**
     * @param decodeCpuMillisPerInputFrame the identity pipeline's CPU per input frame: decode
     * @param graphMillisPerModelFrame the engine alone: each graph's wall time per model frame
     */
    record Result(double pipelineCpuMillisPerModelFrame, double engineCpuMillisPerModelFrame, long modelFramesPerRun,
            List<Double> pipelineRounds, double decodeCpuMillisPerInputFrame, Map<String, Double> graphMillisPerModelFrame) {

        /**
         * Where a frame's time goes, in ms: decode per input frame; per model frame each graph, the rest of the
         * engine (resizing, conversion to RGB, residuals, gate, state), and what the pipeline adds to the engine.
         */
        Map<String, Double> stages() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("decode_per_input_frame", decodeCpuMillisPerInputFrame);
            double graphs = 0;
            for (Map.Entry<String, Double> g : graphMillisPerModelFrame.entrySet()) {
                m.put(g.getKey() + "_per_model_frame", g.getValue());
                graphs += g.getValue();
            }
            m.put("engine_rest_per_model_frame", engineCpuMillisPerModelFrame - graphs);
            m.put("pipeline_over_engine_per_model_frame", pipelineCpuMillisPerModelFrame - engineCpuMillisPerModelFrame);
            return m;
        }

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
        String identity = "identity";
        String infer = "respikeinfer device=cpu static-threshold=0 model=" + LaunchTemplate.quote(bundle.toString());
        load.run(identity, 1);
        load.run(infer, 1);
        List<Double> perModelFrame = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            StreamLoad.Trial base = load.run(identity, 1);
            double with = load.run(infer, 1).cpuSeconds();
            perModelFrame.add((with - base.cpuSeconds()) * 1e3 / modelFramesPerRun);
            decode.add(base.cpuSeconds() * 1e3 / base.framesPerStream());
        }
        EngineThroughput.Result engine = EngineThroughput.measure(bundle, (int) Math.max(40, modelFramesPerRun), width,
                height, PixelFormat.I420, 1);
        return new Result(median(perModelFrame), engine.cpuMillisPerFrame(), modelFramesPerRun, perModelFrame,
                median(decode), engine.graphMillisPerFrame());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
