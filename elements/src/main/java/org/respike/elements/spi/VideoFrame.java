package org.respike.elements.spi;

import java.nio.ByteBuffer;
import java.util.Map;

/**
  * One mapped video buffer, valid only during {@link VideoElement#process}. Timestamps are in
  * nanoseconds, {@code -1} when absent (GST_CLOCK_TIME_NONE).
  */
public interface VideoFrame {

    /** The pixels (direct, zero-copy over the GstMemory); writable unless the element is read-only. */
    ByteBuffer data();

    VideoFormat format();

    long pts();

    long duration();

    /** Running time of {@link #pts()} in the current segment, the clock that bus messages should carry. */
    long runningTime();

    /**
     * The frame's time on a clock that only moves forward within a stream: the running time, or the PTS
     * when there is no segment. PTS can restart (concatenated files, playlists) while running time does not.
     */
    default long streamTime() {
        return runningTime() >= 0 ? runningTime() : pts();
    }

    /** The buffer has the DISCONT flag: the stream state must start over. */
    boolean discont();

    /** Attaches a GstCustomMeta named {@code name} whose structure holds {@code fields}. */
    void addMeta(String name, Map<String, Object> fields);

    /**
      * Fields of the GstCustomMeta named {@code name} that an upstream element attached to this buffer
      * (values as in {@link ElementHost#postElementMessage}), or empty when the buffer has none.
      */
    java.util.Optional<Map<String, Object>> meta(String name);

    /** The buffer's GstVideoRegionOfInterestMetas, in the buffer's order. */
    java.util.List<Region> regions();

    /** Attaches a GstVideoRegionOfInterestMeta with {@code region}'s id, type, box and param structures. */
    void addRegion(Region region);

    /**
     * Adds a param structure named {@code name} to the {@code index}-th region of {@link #regions()}, as
     * DL Streamer adds a classification result.
     */
    void addRegionParam(int index, String name, Map<String, Object> fields);
}
