package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Repo;
import org.respike.it.support.Runs;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;

/** respikebin as users write it: one element name, their own element name as the stream id. */
class RespikeBinTest {

    @TempDir
    Path tmp;

    private static String bin(String props) {
        return "respikebin model=" + LaunchTemplate.quote(TestBundles.hybrid().toString()) + " device=cpu " + props;
    }

    /** The annotated video goes straight into an encoder: the bin's output converts to what follows it. */
    @Test
    void theAnnotatedVideoLinksStraightToAnEncoder() {
        Runs run = Runs.of("videotestsrc num-buffers=24 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + bin("overlay=true") + " ! x264enc ! fakesink");
        run.assertEos();
        assertEquals(3, run.events().size());
    }

    @Test
    void theBinsNameIsTheDefaultStreamId() {
        Runs run = Runs.of("videotestsrc num-buffers=16 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + bin("name=door") + " ! fakesink").assertEos();
        assertEquals(1, run.events().size());
        assertEquals("door", run.events().get(0).streamId());
    }

    @Test
    void videoLeavesWithItsOwnSizeAndFrameRateAndAllFrames() throws Exception {
        Path out = tmp.resolve("out.rgb");
        Runs.of("filesrc location=" + LaunchTemplate.quote(Repo.sampleVideo().toString()) + " ! decodebin ! "
                + bin("overlay=true") + " ! videoconvert ! video/x-raw,format=RGB,width=320,height=240,framerate=25/1"
                + " ! filesink location=" + LaunchTemplate.quote(out.toString())).assertEos();
        assertEquals(1500L * 320 * 240 * 3, Files.size(out), "all 1500 frames of 320x240 pass the bin");
    }
}
