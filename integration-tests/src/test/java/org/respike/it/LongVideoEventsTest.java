package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.demo.DemoScore;
import org.respike.pipelines.demo.GroundTruth;

/**
 * The 60 s multi-action sample video through the pipeline, scored against its ground-truth timeline by
 * the rules of {@link DemoScore} (clip label = the action covering most of the clip; an event is a run
 * of equal labels, correct when a same-label action overlaps it; an action is found when a same-label
 * clip lies at least half inside it).
 */
class LongVideoEventsTest {

    /**
     * Below what the committed model measures (clip accuracy 0.684, event recall 0.857), so a retrained
     * model that gets worse on long videos fails here; raise them as the model improves. What earlier
     * bundles measured, and why they were replaced, is in models/recipe/README.md.
     */
    private static final double MIN_CLIP_ACCURACY = 0.65;
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
}
