package org.respike.models.track;

import org.respike.models.engine.ActionResult;

/**
 * The action of one tracked person over one clip.
 *
 * @param trackId the tracker's id the clip was collected under
 * @param crop the crop the clip's last group was cut from (the region the model saw)
 * @param box the track's last box as the tracker gave it (after clipping to the frame)
 * @param label the detector's label of the track, or null
 * @param result the classification of the clip; its stream id is the recognizer's id + "#" + track id
 */
public record TrackResult(long trackId, CropRect crop, Box box, String label, ActionResult result) {
}
