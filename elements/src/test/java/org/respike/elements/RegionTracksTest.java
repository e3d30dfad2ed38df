package org.respike.elements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.respike.elements.spi.Region;

class RegionTracksTest {

    private static Region withParams(Map<String, Map<String, Object>> params) {
        return new Region(3, "person", 0, 0, 10, 10, params);
    }

    @Test
    void aTrackIdFieldInAnyParamComesFirstThenATrackingOrObjectIdStructuresIdThenTheMetaId() {
        assertEquals(3, RegionTracks.trackId(withParams(Map.of())));
        assertEquals(3, RegionTracks.trackId(withParams(Map.of("detection", Map.of("id", 8)))), "only tracking/object_id's id");
        assertEquals(11, RegionTracks.trackId(withParams(Map.of("tracking", Map.of("track-id", 11L)))));
        assertEquals(12, RegionTracks.trackId(withParams(Map.of("detection", Map.of("object_id", 12)))));
        assertEquals(13, RegionTracks.trackId(withParams(Map.of("object_id", Map.of("id", 13)))), "DL Streamer's");
        assertEquals(14, RegionTracks.trackId(withParams(Map.of("tracking", Map.of("id", 14)))));
        Map<String, Map<String, Object>> both = new LinkedHashMap<>();
        both.put("object_id", Map.of("id", 15));
        both.put("tracking", Map.of("track-id", 16L));
        assertEquals(16, RegionTracks.trackId(withParams(both)), "an explicit track-id wins");
    }
}
