package org.respike.models.testing;

import java.nio.ByteBuffer;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;

/** Pushes a golden clip's uint8 RGB frames [T,H,W,3] as {@link Frame}s at a fixed frame rate. */
public final class ClipFrames {
    public static final long FRAME_NANOS = 125_000_000L; // 8 fps, the recipe's rate

    private ClipFrames() {
    }

    public static int count(Golden.Array frames) {
        return (int) frames.shape()[0];
    }

    /** Frame {@code t} of the clip, its pts offset by {@code firstPts}. */
    public static Frame frame(Golden.Array frames, int t, long firstPts) {
        int h = (int) frames.shape()[1];
        int w = (int) frames.shape()[2];
        int size = h * w * 3;
        ByteBuffer slice = frames.bytes().duplicate().position(t * size).limit((t + 1) * size).slice();
        return Frame.packed(slice, w, h, PixelFormat.RGB, firstPts + t * FRAME_NANOS, FRAME_NANOS);
    }
}
