package org.respike.models.motion;

/**
 * Background subtraction choices of {@link MotionProposer}.
 *
 * @param processWidth frames are averaged down by an integer factor to at most this width first (grey):
 *     cheaper, and the averaging removes most sensor noise before the model sees it
 * @param history frames of MOG2's background memory, its learning rate 1/history after the warm-up
 *     (OpenCV's default learns at 1/frame-number up to history, which would absorb a person who stops
 *     in the first minute); a still object outside held boxes becomes background after about a tenth
 *     of it (50 frames, 6 s at 8 fps, for 500)
 * @param varThreshold MOG2's squared Mahalanobis distance for foreground (16: about 4 sigma)
 * @param minArea smallest moving blob kept, as a fraction of the frame area (people 5% of the frame
 *     height cover about 1/2000 of it)
 * @param warmupFrames frames at the start that MOG2 learns at 1/frame-number (at least 1/history): the first
 *     frame is the whole background at first, so whoever is in it leaves a ghost when they move, and a
 *     faster start forgets those ghosts within seconds (48: 6 s at 8 fps; on six multi-person test scenes
 *     it cut spurious tracks from 5.9 to 1.9 per frame). The price: whatever stands still for a few frames
 *     within the warm-up, someone who just came in included, is absorbed until it moves again
 * @param openSize side in processing pixels of the opening that removes speckle; 1 is none (thin limbs
 *     of small or far people are 1-2 processing pixels wide, and an opening removes them)
 * @param closeSize side in processing pixels of the closing that joins a body's parts into one blob
 * @param heldThreshold grey-level difference to the frozen background that is foreground inside held
 *     boxes (the sensor noise left after the averaging is 2-3 levels)
 */
public record MotionOptions(int processWidth, int history, double varThreshold, double minArea, int warmupFrames,
        int openSize, int closeSize, double heldThreshold) {

    public MotionOptions {
        if (processWidth < 16 || history < 1 || !(varThreshold > 0) || !(minArea >= 0 && minArea < 1)
                || warmupFrames < 0 || openSize < 1 || closeSize < 1 || !(heldThreshold > 0)) {
            throw new IllegalArgumentException("invalid motion options " + processWidth + ", " + history + ", "
                    + varThreshold + ", " + minArea + ", " + warmupFrames + ", " + openSize + ", " + closeSize + ", " + heldThreshold);
        }
    }

    public static MotionOptions defaults() {
        return new MotionOptions(320, 500, 16, 0.0003, 48, 1, 5, 20);
    }
}
