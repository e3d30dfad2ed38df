package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.EventRun;
import org.respike.it.support.Mosquitto;
import org.respike.it.support.MqttCollector;
import org.respike.it.support.Repo;
import org.respike.it.support.RtspTestServer;
import org.respike.it.support.Runs;
import org.respike.models.engine.ActionResult;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.catalogue.PipelineCatalogue;

/** Every launch string of pipelines/catalogue runs to EOS on test sources and produces what it promises. */
class CatalogueRunsTest {

    private static PipelineCatalogue catalogue;
    private static RtspTestServer camera;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        catalogue = PipelineCatalogue.load(Repo.root().resolve("pipelines/catalogue"));
        camera = new RtspTestServer(18600, RtspTestServer.testPattern(48)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        camera.close();
    }

    private static List<ActionResult> run(String name, Map<String, String> values) {
        Runs run = Runs.of(catalogue.get(name).renderForTest(values));
        assertTrue(run.result().ok(), name + ": " + run.result().message());
        return run.events();
    }

    private String model() {
        return TestBundles.hybrid().toString();
    }

    private static List<ActionResult> jsonLines(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ActionResult> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(ActionResult.fromFields(json.readValue(line, new TypeReference<Map<String, Object>>() {})));
        }
        return lines;
    }

    @Test
    void everyCatalogueEntryHasATestHere() {
        Set<String> tested = Set.of("file-annotated", "file-events", "file-events-mqtt", "rtsp-camera", "multi-camera",
                "residual-debug", "jetson-tensorrt", "multi-person-camera");
        Set<String> present = new TreeSet<>();
        catalogue.all().forEach(t -> present.add(t.name()));
        assertEquals(new TreeSet<>(tested), present, "add a test for each new catalogue entry");
    }

    @Test
    void fileAnnotatedWritesAPlayableMp4AndJsonLines() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        Path mp4 = tmp.resolve("annotated.mp4");
        List<ActionResult> bus = run("file-annotated", Map.of("URI", Repo.clip("walk").toUri().toString(),
                "MODEL", model(), "EVENTS", events.toString(), "OUTPUT", mp4.toString()));
        assertEquals(1, bus.size(), "a 16-frame clip is one clip");
        assertEquals(1, jsonLines(events).size());
        Runs reread = Runs.of("filesrc location=" + LaunchTemplate.quote(mp4.toString())
                + " ! decodebin ! videoconvert ! respikeinfer model=" + LaunchTemplate.quote(model()) + " ! fakesink");
        assertTrue(reread.result().ok(), "the annotated MP4 decodes: " + reread.result().message());
        assertEquals(1, reread.events().size(), "all 16 frames are in the annotated MP4");
    }

    @Test
    void fileEventsWritesOneJsonLinePerClip() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        List<ActionResult> bus = run("file-events", Map.of("URI", Repo.clip("wave").toUri().toString(),
                "MODEL", model(), "EVENTS", events.toString()));
        assertEquals(bus, jsonLines(events), "the JSON lines hold the actions of the bus messages");
    }

    @Test
    void fileEventsMqttPublishesEveryEventToTheBroker() throws Exception {
        try (Mosquitto broker = Mosquitto.configure(tmp.resolve("mosquitto")).start();
             MqttCollector collector = new MqttCollector(broker.address(), Mosquitto.TOPIC)) {
            EventRun run = EventRun.of(catalogue.get("file-events-mqtt").renderForTest(Map.of(
                    "URI", Repo.sampleVideo().toUri().toString(), "MODEL", model(), "CAMERA", "camera-3",
                    "BROKER", broker.address(), "TOPIC", Mosquitto.TOPIC, "MQTT_USER", "camera",
                    "MQTT_PASSWORD", Mosquitto.PASSWORD)), events -> { });
            assertTrue(run.result().ok(), run.result().message());
            assertTrue(run.events().size() >= 2, "the 60 s sample makes events: " + run.events().size());
            List<JsonNode> got = collector.await(r -> EventRun.keys(r).containsAll(run.keys()), Duration.ofSeconds(20));
            assertEquals(run.keys(), EventRun.keys(got));
            assertTrue(got.stream().allMatch(m -> m.get("stream_id").asText().equals("camera-3")));
        }
    }

    @Test
    void rtspCameraGivesEventsWithItsStreamId() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        List<ActionResult> bus = run("rtsp-camera", Map.of("RTSP_URL", camera.url(), "CAMERA", "lobby",
                "MODEL", model(), "EVENTS", events.toString()));
        assertTrue(bus.size() >= 2, "48 frames at 8 fps give several sliding clips, got " + bus.size());
        assertTrue(bus.stream().allMatch(e -> e.streamId().equals("lobby")));
    }

    @Test
    void multiCameraKeepsOneStatePerCamera() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        Map<String, String> values = new HashMap<>(Map.of("MODEL", model(), "EVENTS", events.toString()));
        String[] labels = {"walk", "jump", "sit_down", "rise"};
        for (int i = 0; i < 4; i++) {
            values.put("URI_" + (i + 1), Repo.clip(labels[i]).toUri().toString());
        }
        List<ActionResult> bus = run("multi-camera", values);
        Set<String> cameras = new TreeSet<>();
        bus.forEach(e -> cameras.add(e.streamId()));
        assertEquals(Set.of("cam1", "cam2", "cam3", "cam4"), cameras);
        assertEquals(4, bus.size(), "one clip per camera, none mixed across cameras");
        assertEquals(4, jsonLines(events).size(), "four writers share one JSON lines file, line by line");
    }

    @Test
    void residualDebugWritesTheResidualVideo() throws Exception {
        Path mp4 = tmp.resolve("residuals.mp4");
        run("residual-debug", Map.of("URI", Repo.clip("jump").toUri().toString(), "OUTPUT", mp4.toString()));
        assertTrue(Files.size(mp4) > 1000, "residual video written");
    }

    /** On the 60 s sample video (the people of one scene in turn; a multi-person sample is to come). */
    @Test
    void multiPersonCameraGivesEventsPerTrackAndAnAnnotatedMp4() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        Path mp4 = tmp.resolve("annotated.mp4");
        List<ActionResult> bus = run("multi-person-camera", Map.of("URI", Repo.sampleVideo().toUri().toString(),
                "CAMERA", "lobby", "MODEL", model(), "EVENTS", events.toString(), "OUTPUT", mp4.toString()));
        assertTrue(!bus.isEmpty(), "the moving person is tracked and recognised");
        for (ActionResult a : bus) {
            assertTrue(a.trackId() >= 0 && a.streamId().equals("lobby#" + a.trackId()) && a.box() != null, a.toString());
        }
        assertEquals(bus, jsonLines(events), "the JSON lines hold the actions of the bus messages");
        assertTrue(Files.size(mp4) > 1000, "annotated video written");
    }

    @Test
    void jetsonEntryRunsWithItsTestSubstitutions() throws Exception {
        Path events = tmp.resolve("events.jsonl");
        List<ActionResult> bus = run("jetson-tensorrt", Map.of("RTSP_URL", camera.url(), "MODEL", model(),
                "EVENTS", events.toString()));
        assertTrue(bus.size() >= 1, "events from the hardware-decoder pipeline on a software decoder");
    }
}
