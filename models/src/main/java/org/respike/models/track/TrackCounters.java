package org.respike.models.track;

/**
 * What a {@link TrackRecognizer} did not take as given, since it started.
 *
 * @param droppedRegions regions ignored: non-finite or non-positive box, nothing inside the frame, or a
 *     second region of a track already seen in the frame
 * @param clippedRegions regions whose box reached outside the frame and was cut to it
 * @param refusedRegions regions of new tracks ignored because maxTracks tracks were live
 * @param finishedTracks tracks ended because they went unseen for maxMissedFrames
 */
public record TrackCounters(long droppedRegions, long clippedRegions, long refusedRegions, long finishedTracks) {
}
