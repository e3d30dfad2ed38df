package org.respike.elements.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.frame.YuvLayout;

/** A VideoFrame over a heap-free direct buffer, recording the metas that an element attaches. */
public final class TestFrame implements VideoFrame {

    private final ByteBuffer data;
    private final VideoFormat format;
    private final long pts;
    private final boolean discont;
    private long duration = 125_000_000L;
    public final Map<String, Map<String, Object>> metas = new HashMap<>();
    public final List<Region> regions = new ArrayList<>();

    public TestFrame(VideoFormat format, long pts, boolean discont) {
        this.format = format;
        this.pts = pts;
        this.discont = discont;
        YuvLayout yuv = format.yuv();
        this.data = ByteBuffer.allocateDirect(yuv == null ? format.rowStride() * format.height()
                : yuv.bufferBytes(format.height()));
    }

    public TestFrame withDuration(long nanos) {
        duration = nanos;
        return this;
    }

    public static VideoFormat rgb(int width, int height) {
        return new VideoFormat("RGB", width, height, (width * 3 + 3) & ~3, null, 8, 1);
    }

    /** GStreamer's I420 layout (rows padded to 4 bytes), BT.601 in 16-235. */
    public static VideoFormat i420(int width, int height) {
        return new VideoFormat("I420", width, height, YuvLayout.i420Stride(width), YuvLayout.i420(width, height), 8, 1);
    }

    public TestFrame fill(int value) {
        for (int i = 0; i < data.capacity(); i++) {
            data.put(i, (byte) value);
        }
        return this;
    }

    public int byteAt(int i) {
        return data.get(i) & 0xff;
    }

    @Override public ByteBuffer data() { return data; }
    @Override public VideoFormat format() { return format; }
    @Override public long pts() { return pts; }
    @Override public long duration() { return duration; }
    @Override public long runningTime() { return pts; }
    @Override public boolean discont() { return discont; }
    @Override public void addMeta(String name, Map<String, Object> fields) { metas.put(name, fields); }
    @Override public Optional<Map<String, Object>> meta(String name) { return Optional.ofNullable(metas.get(name)); }
    @Override public List<Region> regions() { return List.copyOf(regions); }
    @Override public void addRegion(Region region) { regions.add(region); }

    @Override
    public void addRegionParam(int index, String name, Map<String, Object> fields) {
        Region r = regions.get(index);
        Map<String, Map<String, Object>> params = new LinkedHashMap<>(r.params());
        params.put(name, fields);
        regions.set(index, new Region(r.id(), r.type(), r.x(), r.y(), r.width(), r.height(), params));
    }
}
