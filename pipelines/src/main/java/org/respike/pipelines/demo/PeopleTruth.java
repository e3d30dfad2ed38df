package org.respike.pipelines.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.models.frame.Box;

/**
 * The per-person ground truth of a multi-person video, as the recipe's renderer writes it
 * ({@code render --multi}): the frame rate, frame size and frame count, and per person a track id and, for
 * every frame, the tight box of the drawn body in pixels ({@code [x0, y0, x1, y1]}, null while the person is
 * outside the frame; one of no width or height counts as outside) and the action label. Boxes ignore
 * occlusion: a person behind another is still in view.
 */
public record PeopleTruth(double fps, int width, int height, int frames, List<String> classes, List<Person> people) {

    /** One person: their id in the truth file, and per frame their box (null: out of view) and label. */
    public record Person(long id, List<Box> boxes, List<String> labels) {
        public Person {
            boxes = Collections.unmodifiableList(new ArrayList<>(boxes)); // nulls allowed
            labels = Collections.unmodifiableList(new ArrayList<>(labels)); // nulls: out of the scene
        }

        public boolean inView(int frame) {
            return frame >= 0 && frame < boxes.size() && boxes.get(frame) != null;
        }

        /** The label held for most of frames [from, to), or null when the range holds no frame. */
        public String majorityLabel(int from, int to) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int f = Math.max(0, from); f < Math.min(to, labels.size()); f++) {
                if (labels.get(f) != null) {
                    counts.merge(labels.get(f), 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
        }
    }

    public PeopleTruth {
        classes = List.copyOf(classes);
        people = List.copyOf(people);
    }

    /** People in view in {@code frame}. */
    public int inView(int frame) {
        return (int) people.stream().filter(p -> p.inView(frame)).count();
    }

    /** Reads {@code file}; every defect is an IOException naming the file and what is wrong. */
    public static PeopleTruth read(Path file) throws IOException {
        JsonNode root = GroundTruth.readJson(file);
        if (root == null || !root.path("people").isArray() || root.get("people").isEmpty()) {
            throw new IOException(file + ": no \"people\" list (expected the truth file of render --multi)");
        }
        double fps = root.path("fps").asDouble(0);
        int frames = root.path("frames").asInt(0);
        int width = root.path("width").asInt(0);
        int height = root.path("height").asInt(0);
        if (!(fps > 0) || frames <= 0 || width <= 0 || height <= 0) {
            throw new IOException(file + ": needs positive \"fps\", \"frames\", \"width\" and \"height\"");
        }
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(c -> classes.add(c.asText()));
        List<Person> people = new ArrayList<>();
        for (JsonNode p : root.get("people")) {
            people.add(person(file, p, frames, classes));
        }
        return new PeopleTruth(fps, width, height, frames, classes, people);
    }

    private static Person person(Path file, JsonNode p, int frames, List<String> classes) throws IOException {
        long id = p.path("track_id").asLong(-1);
        String where = file + ": person " + id;
        JsonNode boxes = p.path("boxes");
        JsonNode labels = p.path("labels");
        if (id < 0 || boxes.size() != frames || labels.size() != frames) {
            throw new IOException(where + ": needs a \"track_id\" and one box and one label per frame (" + frames + ")");
        }
        List<Box> b = new ArrayList<>(frames);
        List<String> l = new ArrayList<>(frames);
        for (int f = 0; f < frames; f++) {
            JsonNode box = boxes.get(f);
            if (box.isNull() || empty(box)) {
                b.add(null);
            } else if (box.size() == 4 && box.get(2).asDouble() > box.get(0).asDouble()
                    && box.get(3).asDouble() > box.get(1).asDouble()) {
                b.add(new Box(box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble() - box.get(0).asDouble(),
                        box.get(3).asDouble() - box.get(1).asDouble()));
            } else {
                throw new IOException(where + ": frame " + f + ": box " + box + " is not [x0, y0, x1, y1] or null");
            }
            // A person outside the scene (a surveillance video's empty stretches) has no label.
            String label = labels.get(f).isNull() && b.get(f) == null ? null : labels.get(f).asText();
            if (label != null && !classes.isEmpty() && !classes.contains(label)) {
                throw new IOException(where + ": frame " + f + ": label \"" + label + "\" is not one of " + classes);
            }
            l.add(label);
        }
        return new Person(id, b, l);
    }

    /** A box of no width or height: a person at the frame's edge, rounded to one pixel column or row. */
    private static boolean empty(JsonNode box) {
        return box.size() == 4 && (box.get(2).asDouble() == box.get(0).asDouble()
                || box.get(3).asDouble() == box.get(1).asDouble());
    }
}
