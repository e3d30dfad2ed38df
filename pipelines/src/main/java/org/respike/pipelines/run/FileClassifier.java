package org.respike.pipelines.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.RespikeHome;
import org.respike.elements.infer.InferSettings;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.InferenceEngine;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.plugin.gst.Pipelines;

/**
 * Classifies whole video files through a real GStreamer pipeline with respikeinfer. It holds open the
 * engine that respikeinfer opens with the same properties while it lives, so the pipelines of successive
 * files share one engine instead of reloading it.
 */
public final class FileClassifier implements AutoCloseable {

    /** respikeinfer's properties in every pipeline, and the settings of the engine held. */
    private final Map<String, String> inferProperties = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final InferenceEngine engine;

    /** Loads the model now: a missing or broken bundle fails here, before any file. */
    public FileClassifier(String model, String device, long timeoutMillis) {
        inferProperties.put("model", RespikeHome.model(model).toString());
        inferProperties.put("device", device);
        this.timeoutMillis = timeoutMillis;
        this.engine = InferSettings.of(inferProperties).openEngine();
    }

    @Override
    public void close() {
        engine.close();
    }

    public FileClassification classify(Path file) {
        String name = file.toString();
        String unusable = unusable(file);
        if (unusable != null) {
            return FileClassification.failed(name, unusable);
        }
        List<ActionResult> events = Collections.synchronizedList(new ArrayList<>());
        // RGB from videoconvert, as the recipe's evaluate_mp4 decodes a file, so that scores are PyTorch's
        // (ClassifyCliTest); respikeinfer's own I420 conversion differs by videoconvert's 2-level offset.
        StringBuilder launch = new StringBuilder("filesrc location=" + LaunchTemplate.quote(name)
                + " ! decodebin ! videoconvert ! video/x-raw,format=RGB ! respikeinfer");
        inferProperties.forEach((property, value) -> launch.append(' ').append(property).append('=')
                .append(LaunchTemplate.quote(value)));
        launch.append(" ! fakesink sync=false");
        Pipelines.Result result = PipelineRun.run(launch.toString(), events::add, timeoutMillis);
        if (!result.ok()) {
            // decodebin found streams but none that respikeinfer links to: an audio-only (or data) file.
            boolean noVideo = events.isEmpty() && result.message().contains("not-linked");
            return FileClassification.failed(name, noVideo ? "no video stream in the file" : result.message());
        }
        if (events.isEmpty()) {
            return FileClassification.failed(name, "no complete frame group: the video is shorter than one group "
                    + "at the model's frame rate, or has no video stream");
        }
        return average(name, events);
    }

    /** Why {@code file} cannot be classified before any pipeline runs, or null. */
    private static String unusable(Path file) {
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (Files.isDirectory(file)) {
            return "is a directory, not a video file";
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO would block the pipeline until a writer comes, a device would be read forever.
            return "not a regular file (a FIFO, socket or device); give a video file";
        }
        if (!Files.isReadable(file)) {
            return "file is not readable";
        }
        return null;
    }

    private static FileClassification average(String file, List<ActionResult> events) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (ActionResult e : events) {
            e.scores().forEach((label, s) -> mean.merge(label, s / events.size(), Double::sum));
        }
        Map.Entry<String, Double> best = mean.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long frames = events.stream().mapToLong(ActionResult::streamFrames).max().orElse(0);
        return new FileClassification(file, best.getKey(), best.getValue(), mean, frames, events.size(), null);
    }
}
