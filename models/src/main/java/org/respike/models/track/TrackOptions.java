package org.respike.models.track;

import org.respike.models.engine.StreamOptions;

/**
 * Per-track recognition choices.
 *
 * @param context crop side over the box's larger side (1.5: the person fills about 2/3 of the crop, as in
 *     the single-person training clips)
 * @param maxMissedFrames frames a track may go unseen before it is finished and its partial clip
 *     published
 * @param maxTracks tracks recognised at once; regions of further tracks are ignored until one ends
 * @param positionGain weight of a new box centre in the smoothed centre (alpha of an alpha-beta filter)
 * @param velocityGain weight of the centre's prediction error in the velocity (beta)
 * @param sizeGain weight of a new box size in the smoothed size (exponential smoothing)
 * @param stream options of each track's stream (window, partial group at the end)
 */
public record TrackOptions(double context, int maxMissedFrames, int maxTracks, double positionGain,
        double velocityGain, double sizeGain, StreamOptions stream) {

    public TrackOptions {
        if (!(context >= 1)) {
            throw new IllegalArgumentException("context must be >= 1, got " + context);
        }
        if (maxMissedFrames < 1 || maxTracks < 1) {
            throw new IllegalArgumentException("maxMissedFrames and maxTracks must be >= 1, got "
                    + maxMissedFrames + ", " + maxTracks);
        }
        for (double g : new double[] {positionGain, velocityGain, sizeGain}) {
            if (!(g > 0 && g <= 1)) {
                throw new IllegalArgumentException("gains must be in (0, 1], got " + g);
            }
        }
    }

    public static TrackOptions defaults() {
        return new TrackOptions(1.5, 16, 16, 0.3, 0.05, 0.15, StreamOptions.defaults());
    }

    public TrackOptions withMaxMissedFrames(int frames) {
        return new TrackOptions(context, frames, maxTracks, positionGain, velocityGain, sizeGain, stream);
    }

    public TrackOptions withMaxTracks(int tracks) {
        return new TrackOptions(context, maxMissedFrames, tracks, positionGain, velocityGain, sizeGain, stream);
    }

    public TrackOptions withStream(StreamOptions options) {
        return new TrackOptions(context, maxMissedFrames, maxTracks, positionGain, velocityGain, sizeGain, options);
    }
}
