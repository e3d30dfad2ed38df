package org.respike.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.respike.models.testing.TestBundles;

/** Files of the checkout that the integration tests run on. */
public final class Repo {

    private Repo() {}

    public static Path root() {
        return TestBundles.repoRoot();
    }

    public static Path sampleVideo() {
        return root().resolve("pipelines/samples/long_57.mp4");
    }

    public static Path testClips() {
        return root().resolve("pipelines/samples/test-clips");
    }

    /** Test clips at a camera frame size (128x72), with PyTorch's scores for each in pytorch.json. */
    public static Path cameraClips() {
        return root().resolve("pipelines/samples/camera-clips");
    }

    /** The encoded test clips, sorted by name. */
    public static List<Path> testClipFiles() throws IOException {
        return mp4Files(testClips());
    }

    /** The MP4 files of a folder, sorted by name. */
    public static List<Path> mp4Files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
    }

    /** One encoded test clip of the given class (16 frames, 64x64, 8 fps). */
    public static Path clip(String label) throws IOException {
        return testClipFiles().stream().filter(p -> p.getFileName().toString().startsWith(label + "_"))
                .findFirst().orElseThrow();
    }
}
