package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.respike.it.support.EventRun;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.demo.DemoScore;
import org.respike.pipelines.demo.EventScore;
import org.respike.pipelines.demo.GroundTruth;

/**
 * The 60 s multi-action sample video through the pipeline, scored against its ground-truth timeline by
 * the rules of {@link DemoScore} (clip label = the action covering most of the clip; an event is a run
 * of equal labels, correct when a same-label action overlaps it; an action is found when a same-label
 * clip lies at least half inside it).
 */
class LongVideoEventsTest {

    /**
     * Below what respikepublish's events measure on this video at IoU >= 0.3 with the default policy, which
     * was chosen on other videos (EventPolicy.DEFAULT_CLASS): the shipped hybrid (r8, warm restart), 14 events,
     * 16 actions, 11 matched: precision 0.786, recall 0.688, F1 0.733; the raw results' runs: 20 events,
     * precision 0.800, recall 1.000, F1 0.889.
     */
    private static final double MIN_EVENT_F1 = 0.7;

    /**
     * Below what the committed model measures (r8 hybrid after its warm restart: clip accuracy 0.744, event
     * recall 0.905), so a retrained model that gets worse on long videos fails here; raise them as the model
     * improves. What earlier bundles measured, and why they were replaced, is in models/recipe/README.md.
     */
    private static final double MIN_CLIP_ACCURACY = 0.70;
    private static final double MIN_EVENT_RECALL = 0.85;

    @Test
    void eventsMatchTheGroundTruthTimeline() throws Exception {
        GroundTruth truth = GroundTruth.read(Repo.sampleVideo().resolveSibling("long_57.json"));
        Runs run = Runs.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString())
                + " ! decodebin ! videoconvert ! " + Runs.infer(TestBundles.hybrid().toString(), "! fakesink sync=false"))
                .assertEos();
        assertEquals(Cadence.of(TestBundles.hybrid()).results(60 * 8), run.events().size(),
                "60 s at 8 fps: a clip every group after the first clip");
        DemoScore score = DemoScore.of(run.events(), truth);
        System.out.printf("long video: clip accuracy %.3f (%d/%d), events %d with precision %.3f, "
                        + "ground-truth actions %d with recall %.3f%n", score.clipAccuracy(), score.correctResults(),
                score.results(), score.events().size(), score.eventPrecision(), score.segments(), score.eventRecall());
        assertTrue(score.clipAccuracy() >= MIN_CLIP_ACCURACY, "clip accuracy " + score.clipAccuracy());
        assertTrue(score.eventRecall() >= MIN_EVENT_RECALL, "event recall " + score.eventRecall());
    }

    /**
     * What respikepublish makes of the same video with its default policy, against the timeline by
     * {@link EventScore}'s rule (same label, temporal IoU >= 0.3, one to one; idle left out), beside the raw
     * results' runs of equal labels (DemoScore's events) under the same rule. Bounds below what was
     * measured, so a change that makes events worse fails; nothing here tunes the defaults.
     */
    @Test
    void publishedEventsAgainstTheTimelineAtIou03() throws Exception {
        GroundTruth truth = GroundTruth.read(Repo.sampleVideo().resolveSibling("long_57.json"));
        Path file = Files.createTempFile("long-events", ".jsonl");
        EventRun run = EventRun.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString())
                + " ! decodebin ! respikebin model=" + LaunchTemplate.quote(TestBundles.hybrid().toString())
                + " device=cpu ! respikepublish method=file address=" + LaunchTemplate.quote(file.toString())
                + " ! fakesink sync=false", events -> { });
        Files.deleteIfExists(file);
        assertTrue(run.result().ok(), run.result().toString());
        Set<String> idle = Set.of("idle");
        List<EventScore.Interval> actions = EventScore.actions(truth, idle);
        EventScore events = EventScore.of(EventScore.ended(run.events()), actions);
        EventScore raw = EventScore.of(EventScore.runs(run.actions(), idle), actions);
        System.out.println("long video, IoU >= 0.3: respikepublish events " + events + "; raw result runs " + raw);
        assertTrue(events.f1() >= MIN_EVENT_F1, events.toString());
        assertTrue(events.events() < raw.events(), "the hysteresis removes flicker: " + events + " vs " + raw);
    }
}
