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
     * Below what the committed model measures (clip accuracy 0.632, recall 0.857, precision 0.552 on
     * 2026-11-27, the retrain on 900 clips per class), so a retrained model that gets worse on long videos
     * fails here; raise them as the model improves. The previous bundle measured 0.735 / 0.905 / 0.600 and
     * this test flagged the drop; the new one was kept because it is 10 points better on the 1000 test
     * clips (86.1% against 76.1%), and the drop is written up in models/recipe/README.md.
     */
    private static final double MIN_CLIP_ACCURACY = 0.60;
    private static final double MIN_EVENT_RECALL = 0.80;

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
