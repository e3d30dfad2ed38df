package org.respike.elements;

import java.util.Map;
import org.respike.elements.spi.Region;

/**
 * The track id of a region of interest, the one rule respikeinfer and respikeoverlay share: a field
 * {@code track-id} (respikemotion's {@code tracking} structure) or {@code object_id} in any param
 * structure, else the field {@code id} of a structure named {@code tracking} or {@code object_id} (DL
 * Streamer's gvatrack), else the meta's own id.
 */
public final class RegionTracks {

    /** Param structure respikemotion attaches to each region. */
    public static final String TRACKING = "tracking";
    /** Field of {@link #TRACKING} holding the track id (int64). */
    public static final String TRACK_ID = "track-id";

    private RegionTracks() {}

    public static long trackId(Region region) {
        for (Map<String, Object> fields : region.params().values()) {
            for (String field : new String[] {TRACK_ID, "object_id"}) {
                if (fields.get(field) instanceof Number n) {
                    return n.longValue();
                }
            }
        }
        for (String structure : new String[] {TRACKING, "object_id"}) {
            Map<String, Object> fields = region.params().get(structure);
            if (fields != null && fields.get("id") instanceof Number n) {
                return n.longValue();
            }
        }
        return region.id();
    }
}
