package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;

/** The Java side of one element instance: its {@link VideoElement} and what the glue tracks for it. */
final class TransformInstance implements ElementHost {
    private final TransformType type;
    private final Pointer element;
    /** GstMapInfo for the streaming thread (one buffer at a time per element). */
    private final Memory mapInfo = new Memory(Layout.MAP_INFO_SIZE);
    /** The property values, the logic's and the glue's: they outlive a logic whose creation failed. */
    private final PropertyValues props;
    private volatile VideoElement logic;
    private volatile Throwable creationFailure;
    private volatile VideoFormat format;
    /** Between start and stop (PAUSED and PLAYING): properties read at start are refused. Guarded by this. */
    private boolean started;

    TransformInstance(TransformType type, Pointer element) {
        this.type = type;
        this.element = element;
        this.props = new PropertyValues(type.properties);
    }

    void create() {
        try {
            logic = type.definition.create(this, props);
        } catch (Throwable t) {
            creationFailure = t;
            log(LogLevel.ERROR, "creating the element logic failed: " + ElementErrors.stackTrace(t));
        }
    }

    private VideoElement logic() {
        VideoElement l = logic;
        if (l == null) {
            throw new IllegalStateException(type.factoryName + " has no logic: its creation failed: "
                    + (creationFailure == null ? "unknown" : ElementErrors.describe(creationFailure)), creationFailure);
        }
        return l;
    }

    /**
      * Sets a property GLib has already checked (type, range, enum value). One read at start is refused while the
      * element runs, as GST_PARAM_MUTABLE_READY promises: the warning says so and the old value stays.
      */
    synchronized void setProperty(PropertySpec spec, Object value) {
        if (spec.readAtStart() && started) {
            warn("property '" + spec.name() + "' can only change in the NULL or READY state (" + type.factoryName
                    + " reads it at start); keeping " + quoted(props.get(spec.name())), null);
            return;
        }
        props.set(spec.name(), value);
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    Object getProperty(PropertySpec spec) {
        return props.get(spec.name());
    }

    void start() throws Exception {
        synchronized (this) { // after this, no read-at-start property changes until stop
            started = true;
        }
        try {
            logic().start();
        } catch (Exception | Error e) {
            stopped();
            throw e;
        }
    }

    private synchronized void stopped() {
        started = false;
    }

    void stop() {
        format = null;
        try {
            logic().stop();
        } finally {
            stopped();
        }
    }

    void setFormat(VideoFormat f) {
        logic().setFormat(f);
        format = f;
    }

    void flush() {
        logic().flush();
    }

    void eos() {
        logic().eos();
    }

    void process(Pointer trans, Pointer buffer) throws Exception {
        VideoElement l = logic();
        boolean readOnly = type.definition.readOnly();
        int flags = readOnly ? Layout.MAP_READ : Layout.MAP_READ | Layout.MAP_WRITE;
        if (GstApi.gst_buffer_map(buffer, mapInfo, flags) == 0) {
            throw new IllegalStateException("cannot map the buffer " + (readOnly ? "for reading" : "for writing"));
        }
        try {
            long size = mapInfo.getLong(Layout.MAP_INFO_MAPPED_SIZE);
            ByteBuffer data = mapInfo.getPointer(Layout.MAP_INFO_DATA).getByteBuffer(0, size);
            l.process(new Frame(readOnly ? data.asReadOnlyBuffer() : data, trans, buffer));
        } finally {
            GstApi.gst_buffer_unmap(buffer, mapInfo);
        }
    }

    void close() {
        VideoElement l = logic;
        logic = null;
        if (l != null) {
            l.close();
        }
    }

    /** A warning on the bus (dropped while the element has no parent) and in the debug log. */
    void warn(String message, Throwable cause) {
        log(LogLevel.WARNING, cause == null ? message : ElementErrors.stackTrace(cause));
        ElementErrors.warning(element, message, cause);
    }

    // --- ElementHost ---

    @Override
    public String name() {
        return ElementType.objectName(element);
    }

    @Override
    public void postElementMessage(String structureName, Map<String, Object> fields) {
        Pointer message = GstApi.gst_message_new_element(element, Structures.create(structureName, fields));
        GstApi.gst_element_post_message(element, message);
    }

    @Override
    public void postWarning(String message) {
        ElementErrors.warning(element, message, null);
    }

    /** UTC now, moved back by how far the clock has gone past {@code runningTime} (base time + running time). */
    @Override
    public Instant wallClock(long runningTime) {
        Pointer clock = GstApi.gst_element_get_clock(element);
        Instant now = Instant.now();
        if (clock == null) {
            return now;
        }
        try {
            long ahead = GstApi.gst_clock_get_time(clock) - GstApi.gst_element_get_base_time(element) - runningTime;
            return now.minusNanos(ahead);
        } finally {
            GstApi.gst_object_unref(clock);
        }
    }

    @Override
    public void log(LogLevel level, String message) {
        DebugCategory debug = type.debug();
        if (debug != null) {
            debug.log(level, element, message);
        }
    }

    /** One mapped buffer, valid during {@link VideoElement#process}. */
    private final class Frame implements VideoFrame {
        private final ByteBuffer data;
        private final Pointer trans;
        private final Pointer buffer;
        /** The ROI metas as {@link #regions()} listed them last, for {@link #addRegionParam}. */
        private List<Pointer> regionMetas = List.of();

        Frame(ByteBuffer data, Pointer trans, Pointer buffer) {
            this.data = data;
            this.trans = trans;
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer data() {
            return data;
        }

        @Override
        public VideoFormat format() {
            return format;
        }

        @Override
        public long pts() {
            return buffer.getLong(Layout.BUFFER_PTS);
        }

        @Override
        public long duration() {
            return buffer.getLong(Layout.BUFFER_DURATION);
        }

        @Override
        public long runningTime() {
            long pts = pts();
            Pointer segment = trans.share(Layout.BASE_TRANSFORM_SEGMENT);
            if (pts == -1 || segment.getInt(Layout.SEGMENT_FORMAT) != Layout.FORMAT_TIME) {
                return -1;
            }
            return GstApi.gst_segment_to_running_time(segment, Layout.FORMAT_TIME, pts);
        }

        @Override
        public boolean discont() {
            return (buffer.getInt(Layout.MINI_OBJECT_FLAGS) & Layout.BUFFER_FLAG_DISCONT) != 0;
        }

        @Override
        public void addMeta(String name, Map<String, Object> fields) {
            CustomMetas.add(buffer, name, fields);
        }

        // VideoFrame.meta(String): no @Override, so the glue also builds against the SPI before it had meta().
        public Optional<Map<String, Object>> meta(String name) {
            return Optional.ofNullable(CustomMetas.read(buffer, name));
        }

        @Override
        public List<Region> regions() {
            regionMetas = RegionMetas.all(buffer);
            return regionMetas.stream().map(RegionMetas::read).toList();
        }

        @Override
        public void addRegion(Region region) {
            RegionMetas.add(buffer, region);
        }

        @Override
        public void addRegionParam(int index, String name, Map<String, Object> fields) {
            RegionMetas.addParam(regionMetas.get(index), name, fields);
        }
    }
}
