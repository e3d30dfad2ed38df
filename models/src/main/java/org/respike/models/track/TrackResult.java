package org.respike.models.track;

import org.respike.models.engine.ActionResult;

/**
 * The action of one tracked person over one clip.
 *
 * @param crop the crop the clip's last group was cut from (the region the model saw)
 * @param label the detector's label of the track, or null
 * @param result the classification of the clip, with the tracker's id and the track's last box as the tracker
 *     gave it (after clipping to the frame); its stream id is the recognizer's id + "#" + track id
 */
public record TrackResult(CropRect crop, String label, ActionResult result) {
}
