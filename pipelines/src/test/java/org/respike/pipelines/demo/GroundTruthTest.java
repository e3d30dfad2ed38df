package org.respike.pipelines.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's truth file as users write it, and the plot of timelines of any length. */
class GroundTruthTest {
    private static final List<String> LABELS = List.of("idle", "walk", "wave");

    @TempDir
    Path tmp;

    private GroundTruth read(String json) throws IOException {
        Path f = tmp.resolve("truth.json");
        Files.writeString(f, json);
        return GroundTruth.read(f, LABELS);
    }

    private void refused(String json, String problem) {
        IOException e = assertThrows(IOException.class, () -> read(json));
        assertTrue(e.getMessage().contains("truth.json") && e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aPlainListOfSegmentsIsAccepted() throws IOException {
        GroundTruth t = read("[{\"label\": \"walk\", \"start\": 0, \"end\": 2.5}, {\"label\": \"wave\", \"start_s\": 2.5, \"end_s\": 4}]");
        assertEquals(2, t.segments().size());
        assertEquals(4.0, t.duration());
        assertEquals(LABELS, t.classes(), "colours come from the model's labels");
    }

    @Test
    void reversedUnknownAndAbsurdSegmentsAreRefused() {
        refused("[{\"label\": \"walk\", \"start\": 3, \"end\": 1}]", "not after its start");
        refused("[{\"label\": \"dance\", \"start\": 0, \"end\": 1}]", "label \"dance\" is not one of");
        refused("[{\"label\": \"walk\", \"start\": 0, \"end\": 2147483648}]", "is not a time in a video");
        refused("{\"classes\": [\"idle\", \"dance\"], \"timeline\": [{\"label\": \"idle\", \"start_s\": 0, \"end_s\": 1}]}",
                "class \"dance\" is not a label of the model");
        refused("{\"timeline\": []}", "no segments");
        refused("{ not json", "not valid JSON");
    }

    /** The time axis of a timeline of 2^40 s drew ticks with an int that overflowed: 100% CPU forever. */
    @Test
    void anyTimelineLengthPlotsQuickly() {
        GroundTruth t = new GroundTruth(LABELS, List.of(new GroundTruth.Segment("walk", 0, Math.pow(2, 40))));
        Path png = tmp.resolve("t.png");
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new TimelinePlot(t, "test.mp4").write(List.of(), DemoScore.of(List.of(), t), png));
        assertTrue(Files.isRegularFile(png));
        assertEquals(5.0, TimelinePlot.tickStep(60));
        assertTrue(Math.pow(2, 40) / TimelinePlot.tickStep(Math.pow(2, 40)) <= 25);
    }
}
