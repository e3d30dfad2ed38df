package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.respike.it.support.Runs;
import org.respike.models.bundle.BundleException;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.engine.ActionResult;
import org.respike.models.testing.BundleCopy;
import org.respike.models.testing.JsonEdit;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.catalogue.LaunchTemplate;

/**
 * Hostile input a new user can produce: special files and links in or around a bundle, broken numbers
 * from a graph, outputs that cannot be written. Each ends in one clear error or a correct result, within
 * seconds: no hang, no heap filled, nothing read from outside the bundle.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {

    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Path bundleCopy() throws IOException {
        return BundleCopy.of(TestBundles.hybrid(), tmp.resolve("bundle"));
    }

    private static Path hostile(String name) {
        return Path.of("src/test/resources/hostile", name).toAbsolutePath();
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
    }

    private static BundleException loadFails(Path bundle) {
        return assertTimeoutPreemptively(QUICK, () -> assertThrows(BundleException.class, () -> ModelBundle.load(bundle)));
    }

    private static String pipeline(Path model, String inferExtra) {
        return "videotestsrc num-buffers=24 ! video/x-raw,width=96,height=72,framerate=8/1 ! "
                + Runs.infer(model.toString(), inferExtra + " ! fakesink sync=false");
    }

    @Test
    void manifestLinkedToDevZeroIsRefusedWithoutReadingIt() throws Exception {
        Path b = bundleCopy();
        Files.delete(b.resolve(Manifest.FILE));
        Files.createSymbolicLink(b.resolve(Manifest.FILE), Path.of("/dev/zero"));
        BundleException e = loadFails(b);
        assertTrue(e.getMessage().contains("outside the bundle folder"), e.getMessage());
    }

    @Test
    void manifestAsAFifoIsRefusedInsteadOfBlocking() throws Exception {
        Path b = bundleCopy();
        Files.delete(b.resolve(Manifest.FILE));
        mkfifo(b.resolve(Manifest.FILE));
        BundleException e = loadFails(b);
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void oversizedManifestIsRefusedBeforeItIsRead() throws Exception {
        Path b = bundleCopy();
        Files.write(b.resolve(Manifest.FILE), new byte[(int) (2 << 20)]);
        BundleException e = loadFails(b);
        assertTrue(e.getMessage().contains("bytes, more than"), e.getMessage());
    }

    @Test
    void linksOutOfTheBundleAreNotFollowed() throws Exception {
        Path b = bundleCopy();
        Files.delete(b.resolve("head.onnx"));
        Files.createSymbolicLink(b.resolve("head.onnx"), Path.of("/etc/passwd"));
        BundleException e = loadFails(b);
        assertTrue(e.getMessage().contains("outside the bundle folder"), e.getMessage());
        assertFalse(e.getMessage().contains("root"), "nothing of /etc/passwd is quoted: " + e.getMessage());

        Path m = BundleCopy.of(TestBundles.hybrid(), tmp.resolve("bundle2"));
        Path outside = tmp.resolve("manifest-outside.json");
        Files.move(m.resolve(Manifest.FILE), outside);
        Files.createSymbolicLink(m.resolve(Manifest.FILE), outside);
        assertTrue(loadFails(m).getMessage().contains("outside the bundle folder"));
    }

    @Test
    void linksInsideTheBundleStillWork() throws Exception {
        Path b = bundleCopy();
        Files.move(b.resolve("head.onnx"), b.resolve("head-real.onnx"));
        Files.createSymbolicLink(b.resolve("head.onnx"), Path.of("head-real.onnx"));
        assertEquals(b.toAbsolutePath().normalize(), ModelBundle.load(b).dir());
    }

    @Test
    void duplicateLabelsAreRefused() throws Exception {
        Path b = bundleCopy();
        JsonEdit.read(b.resolve(Manifest.FILE)).set("/labels/1", "\"idle\"").write(b.resolve(Manifest.FILE));
        BundleException e = loadFails(b);
        assertTrue(e.getMessage().contains("labels") && e.getMessage().contains("\"idle\" appears twice"),
                e.getMessage());
    }

    @Test
    void jsonOutputToAFifoIsRefusedInsteadOfHanging() throws Exception {
        Path fifo = tmp.resolve("events.fifo");
        mkfifo(fifo);
        Runs run = assertTimeoutPreemptively(QUICK, () -> Runs.of(pipeline(TestBundles.hybrid(),
                "json-output=" + LaunchTemplate.quote(fifo.toString()))));
        assertFalse(run.result().ok());
        assertTrue(run.result().message().contains("is a FIFO"), run.result().message());
    }

    @Test
    void jsonOutputUnderARegularFileSaysSo() throws Exception {
        Path file = tmp.resolve("plain.txt");
        Files.writeString(file, "x");
        Runs run = Runs.of(pipeline(TestBundles.hybrid(), "json-output=" + LaunchTemplate.quote(file + "/events.jsonl")));
        assertFalse(run.result().ok());
        assertTrue(run.result().message().contains(file + " is a file, not a folder"), run.result().message());
    }

    /**
     * Sixteen cameras in one pipeline, one bin with a garbage graph: the pipeline fails at preroll (the
     * documented policy, README "One broken camera") with an error naming that bin, not one of sixteen "infer".
     */
    @Test
    void oneBadCameraAmongSixteenIsNamed() throws Exception {
        Path bad = bundleCopy();
        Files.write(bad.resolve("head.onnx"), new byte[] {1, 2, 3, 4});
        StringBuilder launch = new StringBuilder("videotestsrc num-buffers=20 ! video/x-raw,width=96,height=72,"
                + "framerate=8/1 ! tee name=t");
        for (int cam = 1; cam <= 16; cam++) {
            Path model = cam == 7 ? bad : TestBundles.hybrid();
            launch.append(" t. ! queue ! respikebin name=cam").append(cam).append(" device=cpu model=")
                    .append(LaunchTemplate.quote(model.toString())).append(" ! fakesink");
        }
        Runs run = Runs.of(launch.toString());
        assertFalse(run.result().ok());
        assertTrue(run.result().message().contains("respikeinfer of cam7 failed to start")
                && run.result().message().contains("head.onnx"), run.result().message());
    }

    /** A head graph that answers NaN: the run fails naming the graph, no result with a NaN score is published. */
    @Test
    void nonFiniteLogitsFailTheRunInsteadOfPublishingNaN() throws Exception {
        Path b = bundleCopy();
        Files.copy(hostile("nan-head.onnx"), b.resolve("head.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Runs run = Runs.of(pipeline(b, "min-score=0.99"));
        assertFalse(run.result().ok(), "a NaN model must not end in EOS");
        assertTrue(run.events().isEmpty(), "no result published: " + run.events());
        assertTrue(run.result().message().contains("non-finite logit (NaN)"), run.result().message());
    }

    /** Finite logits of +-3e38 (a float sum of two groups overflows): a finite score for the right class. */
    @Test
    void hugeFiniteLogitsGiveAFiniteScore() throws Exception {
        Path b = bundleCopy();
        Files.copy(hostile("huge-head.onnx"), b.resolve("head.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Runs run = Runs.of(pipeline(b, "")).assertEos();
        assertFalse(run.events().isEmpty());
        for (ActionResult e : run.events()) {
            assertTrue(Double.isFinite(e.score()) && e.score() > 0.99, "score " + e.score());
            assertEquals("idle", e.label());
        }
    }
}
