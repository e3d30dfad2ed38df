package org.respike.models.motion;

/**
 * Choices of {@link SortTracker}.
 *
 * @param minHits matched frames before a track is reported (flicker never becomes a track; 4, half a
 *     second at 8 fps, chosen with the coasting rule on six tuning videos: README, per-person)
 * @param maxAge most frames a reported track survives unmatched at its predicted box, and never more than
 *     it was matched: occlusions, crossings (48: 6 s at 8 fps), and a still person once background
 *     subtraction has absorbed them
 * @param minIou overlap with the predicted box that lets a box continue a track
 * @param maxDistance alternatively, centre distance in units of the track's larger side (fast movers
 *     at low frame rates overlap their previous box little or not at all)
 * @param minVisible fraction of a predicted box that must lie inside the frame for an unmatched track
 *     to be kept: below it the object has left
 * @param positionGain alpha of the tracks' alpha-beta filter
 * @param velocityGain beta of the tracks' alpha-beta filter
 * @param sizeGain exponential smoothing weight of a new box size
 * @param holdFrames frames after its last move that a reported track's box is held out of background
 *     learning ({@link SortTracker#heldBoxes()}): a person standing still stays foreground this long
 *     (480: 60 s at 8 fps); a track that never moved (a ghost of a background change) is never held
 */
public record SortOptions(int minHits, int maxAge, double minIou, double maxDistance, double minVisible,
        double positionGain, double velocityGain, double sizeGain, int holdFrames) {

    public SortOptions {
        if (minHits < 1 || maxAge < 0 || !(minIou > 0 && minIou <= 1) || !(maxDistance >= 0)
                || !(minVisible >= 0 && minVisible <= 1) || holdFrames < 0) {
            throw new IllegalArgumentException("invalid tracker options " + minHits + ", " + maxAge + ", " + minIou
                    + ", " + maxDistance + ", " + minVisible + ", " + holdFrames);
        }
    }

    public static SortOptions defaults() {
        return new SortOptions(4, 48, 0.1, 1.0, 0.5, 0.6, 0.2, 0.3, 480);
    }

    public SortOptions withMaxAge(int frames) {
        return new SortOptions(minHits, frames, minIou, maxDistance, minVisible, positionGain, velocityGain, sizeGain,
                holdFrames);
    }

    public SortOptions withHoldFrames(int frames) {
        return new SortOptions(minHits, maxAge, minIou, maxDistance, minVisible, positionGain, velocityGain, sizeGain,
                frames);
    }
}
