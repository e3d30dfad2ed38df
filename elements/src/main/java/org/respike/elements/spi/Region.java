package org.respike.elements.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GstVideoRegionOfInterestMeta: what a detector or tracker marked on a frame. Values are as the
 * producer wrote them (a size of 0, a box outside the frame, a "negative" unsigned value read as int);
 * the consumer decides what is usable.
 *
 * @param id the meta's id
 * @param type the roi_type, e.g. {@code person}
 * @param x left edge in pixels
 * @param y top edge in pixels
 * @param params the meta's param structures by name (DL Streamer's {@code detection}, {@code object_id}, ...),
 *     each as fields
 */
public record Region(int id, String type, int x, int y, int width, int height,
        Map<String, Map<String, Object>> params) {

    public Region {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
