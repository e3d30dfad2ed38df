package org.respike.pipelines.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A video's ground-truth timeline: the recipe renderer's object ({@code classes}, {@code timeline} of
 * {@code label}/{@code start_s}/{@code end_s}) or a plain list of segments ({@code start}/{@code end} also
 * accepted). Every segment must have a label among the classes and a finite, non-negative span with end
 * after start; the classes are the model's labels (the file's own, if given, must all be among them).
 */
public record GroundTruth(List<String> classes, List<Segment> segments) {

    /** A truth file longer than this (a year) is a mistake, not a video. */
    static final double MAX_SECONDS = 365 * 24 * 3600.0;

    /** One action, in seconds from the start of the video. */
    public record Segment(String label, double start, double end) {
        double overlap(double from, double to) {
            return Math.max(0, Math.min(end, to) - Math.max(start, from));
        }
    }

    public GroundTruth {
        classes = List.copyOf(classes);
        segments = List.copyOf(segments);
    }

    /** Reads {@code file} for a model with {@code labels}; every defect is an IOException naming the file. */
    public static GroundTruth read(Path file, List<String> labels) throws IOException {
        JsonNode root = readJson(file);
        JsonNode list = root == null ? null : root.isArray() ? root : root.get("timeline");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IOException(file + ": no segments (expected a list of {label, start_s, end_s} or an object "
                    + "with a \"timeline\" list)");
        }
        List<String> classes = new ArrayList<>(labels);
        if (root.isObject() && root.has("classes")) {
            for (JsonNode c : root.get("classes")) {
                if (!labels.contains(c.asText())) {
                    throw new IOException(file + ": class \"" + c.asText() + "\" is not a label of the model " + labels);
                }
            }
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            segments.add(segment(file, i, list.get(i), classes));
        }
        return new GroundTruth(classes, segments);
    }

    /** The truth file of {@code video}: beside it, with its name and .json. */
    public static Path besideVideo(Path video) {
        return video.resolveSibling(video.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".json");
    }

    /** A truth file's JSON; a missing, special or malformed file is an IOException naming it. */
    static JsonNode readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    /** Reads {@code file}, whose own classes are the labels (the recipe's files always carry them). */
    public static GroundTruth read(Path file) throws IOException {
        JsonNode root = Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
        List<String> classes = new ArrayList<>();
        if (root != null && root.isObject()) {
            root.path("classes").forEach(c -> classes.add(c.asText()));
        }
        return read(file, classes);
    }

    private static Segment segment(Path file, int i, JsonNode s, List<String> classes) throws IOException {
        String where = file + ": segment " + i;
        if (!s.isObject() || !s.path("label").isTextual()) {
            throw new IOException(where + ": needs a \"label\" string");
        }
        String label = s.get("label").asText();
        if (!classes.contains(label)) {
            throw new IOException(where + ": label \"" + label + "\" is not one of " + classes);
        }
        double start = seconds(where, s, "start");
        double end = seconds(where, s, "end");
        if (!(end > start)) {
            throw new IOException(where + ": ends at " + end + " s, not after its start " + start + " s");
        }
        return new Segment(label, start, end);
    }

    private static double seconds(String where, JsonNode s, String name) throws IOException {
        JsonNode v = s.has(name + "_s") ? s.get(name + "_s") : s.get(name);
        if (v == null || !v.isNumber()) {
            throw new IOException(where + ": needs a number \"" + name + "_s\" (seconds)");
        }
        double t = v.asDouble();
        if (!Double.isFinite(t) || t < 0 || t > MAX_SECONDS) {
            throw new IOException(where + ": " + name + " " + v + " s is not a time in a video (0 to " + MAX_SECONDS
                    + " s)");
        }
        return t;
    }

    public double duration() {
        return segments.stream().mapToDouble(Segment::end).max().orElse(0);
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
