package org.respike.models.track;

import org.respike.models.frame.Box;

/**
 * One tracked object in one frame: the tracker's id (stable over the object's time in view), its box in
 * pixels, and the detector's label ("person") or null when the source has none (motion proposals).
 */
public record TrackedRegion(long trackId, Box box, String label) {
}
