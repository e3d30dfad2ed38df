package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Cli;
import org.respike.it.support.Repo;
import org.respike.models.testing.TestBundles;

/** {@code respike tracks} as a user runs it: one summary line per mode, tracks.json, one-line errors. */
class TracksCliTest {

    @TempDir
    Path tmp;

    @Test
    void scoresTheSampleVideoPerModeAndTheSinglePersonClips() throws Exception {
        Path clips = Files.createDirectories(tmp.resolve("clips"));
        StringBuilder labels = new StringBuilder("file,label,class,seed\n");
        for (String label : List.of("wave", "walk")) {
            Path clip = Repo.clip(label);
            Files.copy(clip, clips.resolve(clip.getFileName()));
            labels.append(clip.getFileName()).append(",0,").append(label).append(",0\n");
        }
        Files.writeString(clips.resolve("labels.csv"), labels);
        Cli.Result r = Cli.run(tmp, 300, Map.of(), "tracks", "--device", "cpu", "--model",
                TestBundles.hybrid().toString(), "--clips", "clips", "--out", "out");
        assertEquals(0, r.exit(), r.all());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("roi=motion: ") && lines.get(1).startsWith("roi=motion events ")
                && lines.get(2).startsWith("roi=frame: ")
                && lines.get(3).startsWith("single-person clips: 2, clip accuracy "), r.out());

        JsonNode report = new ObjectMapper().readTree(tmp.resolve("out/tracks.json").toFile());
        assertEquals(160, report.get("frames").asInt(), "multi_1: 20 s at 8 fps");
        JsonNode motion = report.get("roi=motion");
        assertEquals(4, motion.get("per_person").size());
        assertTrue(motion.get("max_tracks_in_a_group").asInt() >= 2, motion.toString());
        assertEquals(0, report.get("roi=frame").get("id_switches").asInt(), "whole frames have no tracks");
        JsonNode events = motion.get("events");
        assertTrue(events.get("actions").asInt() > 0 && events.get("events").asInt() > 0, motion.toString());
        assertTrue(events.get("raw_runs").asInt() >= events.get("events").asInt(), "a policy merges result runs");
        assertFalse(report.get("roi=frame").has("events"), "whole frames have no person to score events for");
        assertEquals(2, report.get("single_person_clips").get("clips").asInt());
        long lineCount = Files.readAllLines(tmp.resolve("out/results-roi-motion.jsonl")).size();
        assertEquals(motion.get("results").asLong(), lineCount, "every result as a JSON line");
    }

    @Test
    void aVideoWithoutTruthIsOneLine() throws Exception {
        Files.copy(Repo.clip("wave"), tmp.resolve("a.mp4"));
        Cli.Result r = Cli.run(tmp, 60, Map.of(), "tracks", "--device", "cpu", "--video", "a.mp4");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("respike tracks: ") && r.err().contains("a.json: no such file")
                && r.err().strip().lines().count() == 1, r.err());
        assertFalse(r.all().contains("\tat "), r.all());
    }
}
