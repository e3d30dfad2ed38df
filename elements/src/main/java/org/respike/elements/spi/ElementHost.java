package org.respike.elements.spi;

import java.time.Instant;
import java.util.Map;

/** What an element's logic may ask of the GStreamer element that hosts it. */
public interface ElementHost {

    /** The element's instance name (e.g. {@code respikeinfer0}). */
    String name();

    /** Posts an element message whose structure is named {@code structureName} with {@code fields}. */
    void postElementMessage(String structureName, Map<String, Object> fields);

    /** Posts a warning message on the bus; the stream goes on. */
    void postWarning(String message);

    /**
     * The UTC wall clock at {@code runningTime} (ns) on the pipeline's clock; a host without a clock (not
     * yet playing, or outside GStreamer) answers the system time now.
     */
    default Instant wallClock(long runningTime) {
        return Instant.now();
    }

    /** Logs to the element's debug category ({@code GST_DEBUG=<factory>:N}). */
    void log(LogLevel level, String message);

    enum LogLevel { ERROR, WARNING, INFO, DEBUG }
}
