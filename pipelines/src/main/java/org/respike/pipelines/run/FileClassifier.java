package org.respike.pipelines.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.RespikeHome;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.ExecutionProvider;
import org.respike.models.engine.InferenceEngine;
import org.respike.pipelines.catalogue.LaunchTemplate;

/**
 * Classifies whole video files through a real GStreamer pipeline with respikeinfer. It holds the model
 * open while it lives, so the pipelines of successive files share one engine instead of reloading it.
 */
public final class FileClassifier implements AutoCloseable {

    private final String model;
    private final String device;
    private final long timeoutMillis;
    private final InferenceEngine engine;

    /** Loads the model now: a missing or broken bundle fails here, before any file. */
    public FileClassifier(String model, String device, long timeoutMillis) {
        this.model = RespikeHome.model(model).toString();
        this.device = device;
        this.timeoutMillis = timeoutMillis;
        this.engine = InferenceEngine.shared(Path.of(this.model),
                EngineConfig.defaults().withProvider(ExecutionProvider.parse(device)));
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
        List<ActionEvent> events = Collections.synchronizedList(new ArrayList<>());
        String launch = "filesrc location=" + LaunchTemplate.quote(name) + " ! decodebin ! videoconvert ! respikeinfer"
                + " model=" + LaunchTemplate.quote(model) + " device=" + device
                + " ! fakesink sync=false";
        PipelineRun.Result result = PipelineRun.run(launch, events::add, timeoutMillis);
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

    private static FileClassification average(String file, List<ActionEvent> events) {
        Map<String, Double> mean = new LinkedHashMap<>();
        for (ActionEvent e : events) {
            e.scores().forEach((label, s) -> mean.merge(label, s / events.size(), Double::sum));
        }
        Map.Entry<String, Double> best = mean.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        long frames = events.stream().mapToLong(ActionEvent::streamFrames).max().orElse(0);
        return new FileClassification(file, best.getKey(), best.getValue(), mean, frames, events.size(), null);
    }
}
