package org.respike.models.testing;

import java.nio.file.Path;
import org.respike.models.bundle.Manifest;

/**
 * When a bundle's streaming results come, with the default window of one clip: the first after one clip of
 * model frames, then one at the end of every group. Tests count their expected results with it, so they
 * hold for a bundle retrained at another stride s.
 */
public final class Cadence {
    private final int clipFrames;
    private final int stride;

    private Cadence(int clipFrames, int stride) {
        this.clipFrames = clipFrames;
        this.stride = stride;
    }

    public static Cadence of(Path bundle) {
        Manifest m = Manifest.read(bundle.resolve(Manifest.FILE));
        return new Cadence(m.clipFrames(), m.stride());
    }

    public int clipFrames() {
        return clipFrames;
    }

    public int stride() {
        return stride;
    }

    /** Results for a stream of {@code modelFrames} frames at the model's rate (before end of stream). */
    public int results(int modelFrames) {
        return modelFrames < clipFrames ? 0 : (modelFrames - clipFrames) / stride + 1;
    }

    /** Whether the model frame at 0-based {@code index} completes a result. */
    public boolean endsClip(int index) {
        return index + 1 >= clipFrames && (index + 1) % stride == 0;
    }

    /**
     * Frames of a stream that ends inside its first clip, in the middle of its last group: every other
     * group of the clip is whole (needs at least two groups per clip and s >= 3).
     */
    public int endingInsideTheLastGroupOfAClip() {
        return clipFrames - stride + 2;
    }
}
