package org.respike.plugin.testelements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;

/** What the test elements saw, by element instance name, for the tests to assert on. */
public final class Recorder {
    private static final Map<String, Recorder> BY_NAME = new ConcurrentHashMap<>();

    public final AtomicInteger processed = new AtomicInteger();
    public final AtomicInteger flushes = new AtomicInteger();
    public final AtomicInteger eos = new AtomicInteger();
    public final AtomicInteger starts = new AtomicInteger();
    public final AtomicInteger stops = new AtomicInteger();
    public final AtomicInteger disconts = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();
    public final List<Long> pts = Collections.synchronizedList(new ArrayList<>());
    public final List<Long> runningTimes = Collections.synchronizedList(new ArrayList<>());
    public final List<VideoFormat> formats = Collections.synchronizedList(new ArrayList<>());
    public final List<Map<String, Object>> metas = Collections.synchronizedList(new ArrayList<>());
    /** The regions of interest on each buffer. */
    public final List<List<Region>> regions = Collections.synchronizedList(new ArrayList<>());

    public static Recorder of(String elementName) {
        return BY_NAME.computeIfAbsent(elementName, n -> new Recorder());
    }

    public static void reset(String elementName) {
        BY_NAME.remove(elementName);
    }
}
