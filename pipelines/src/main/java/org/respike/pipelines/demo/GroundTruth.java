package org.respike.pipelines.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A video's ground-truth timeline, as the recipe's renderer writes it next to a long video. */
public record GroundTruth(double fps, long frames, List<String> classes, List<Segment> segments) {

    /** One action, in seconds from the start of the video. */
    public record Segment(String label, double start, double end) {
        double overlap(double from, double to) {
            return Math.max(0, Math.min(end, to) - Math.max(start, from));
        }
    }

    public static GroundTruth read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(c -> classes.add(c.asText()));
        List<Segment> segments = new ArrayList<>();
        for (JsonNode s : root.path("timeline")) {
            segments.add(new Segment(s.path("label").asText(), s.path("start_s").asDouble(), s.path("end_s").asDouble()));
        }
        if (segments.isEmpty()) {
            throw new IOException(file + ": no \"timeline\" segments");
        }
        return new GroundTruth(root.path("fps").asDouble(), root.path("frames").asLong(), classes, segments);
    }

    public double duration() {
        return segments.get(segments.size() - 1).end();
    }

    /** The label that covers most of [from, to). */
    public String majorityLabel(double from, double to) {
        Segment best = segments.get(0);
        for (Segment s : segments) {
            if (s.overlap(from, to) > best.overlap(from, to)) {
                best = s;
            }
        }
        return best.label();
    }
}
