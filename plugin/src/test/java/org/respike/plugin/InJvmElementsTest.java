package org.respike.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.PadProbeReturn;
import org.freedesktop.gstreamer.PadProbeType;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.State;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.glib.Natives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.respike.elements.spi.Region;
import org.respike.elements.spi.VideoFormat;
import org.respike.models.frame.YuvLayout;
import org.respike.plugin.gst.CustomMetas;
import org.respike.plugin.gst.Pipelines;
import org.respike.plugin.testelements.MetaElement;
import org.respike.plugin.testelements.Recorder;
import org.respike.plugin.testelements.RegionElement;

/** The test elements in real pipelines inside this JVM (registered by RespikePlugin.initInJvm). */
@Timeout(60)
class InJvmElementsTest {

    @BeforeAll
    static void init() {
        RespikePlugin.initInJvm();
    }

    @Test
    void launchStringSetsPropertiesThatGObjectReadsBack() throws Exception {
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc num-buffers=10 ! video/x-raw,format=RGB,width=64,height=48"
                + " ! respiketestcount name=props label=hello report=false factor=7 gain=2.5 mode=slow ! fakesink")) {
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            Element e = run.pipeline.getElementByName("props");
            assertEquals("hello", e.get("label"));
            assertEquals(false, e.get("report"));
            assertEquals(7, e.get("factor"));
            assertEquals(2.5, (Double) e.get("gain"), 1e-12);
            assertEquals(1, e.get("mode"), "a GEnum reads back as its value: slow is the second choice");
        }
    }

    @Test
    void aChoiceIsAGEnumThatRefusesOtherValuesAtParseTime() {
        Pipelines.Result result = Pipelines.run("videotestsrc num-buffers=1 ! respiketestcount mode=medium ! fakesink",
                message -> {}, 10_000);
        assertEquals(new Pipelines.Result(Pipelines.Outcome.BAD_PIPELINE, "could not construct pipeline: could not set"
                + " property \"mode\" in element \"respiketestcount\" to \"medium\""), result);
    }

    @Test
    void aPropertyReadAtStartIsRefusedWhileRunningAndOthersTakeEffectAtOnce() throws Exception {
        Recorder.reset("mutability");
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc is-live=true ! video/x-raw,format=RGB,width=64,height=48"
                + " ! respiketestcount name=mutability ! fakesink")) {
            waitFor(() -> Recorder.of("mutability").processed.get() > 0);
            Element e = run.pipeline.getElementByName("mutability");
            e.set("opened", "second");
            assertEquals("first", e.get("opened"), "read at start: the running element keeps the value it started with");
            waitFor(() -> run.warnings.stream().anyMatch(w -> w.equals("mutability: property 'opened' can only change"
                    + " in the NULL or READY state (respiketestcount reads it at start); keeping 'first'")));
            e.set("label", "live");
            assertEquals("live", e.get("label"), "read per frame: changeable in PLAYING");

            run.pipeline.setState(State.READY);
            e.set("opened", "second");
            assertEquals("second", e.get("opened"), "changeable again in READY");
        }
    }

    @Test
    void everyBufferPassesOnceWithItsPtsAndEosIsSeen() throws Exception {
        Recorder.reset("count2000");
        List<Long> in = Collections.synchronizedList(new ArrayList<>());
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=2000 ! video/x-raw,format=RGB,width=160,height=120"
                + " ! respiketestcount name=count2000 ! fakesink name=sink")) {
            Element counter = run.pipeline.getElementByName("count2000");
            counter.getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                in.add(info.getBuffer().getPresentationTimestamp());
                return PadProbeReturn.OK;
            });
            counter.getStaticPad("src").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                out.add(info.getBuffer().getPresentationTimestamp());
                return PadProbeReturn.OK;
            });
            run.pipeline.play();
            assertTrue(run.awaitEnd(60), () -> "errors: " + run.errors);
            Recorder r = Recorder.of("count2000");
            assertEquals(2000, in.size());
            assertEquals(in, out);
            assertEquals(in, r.pts);
            assertEquals(2000, r.processed.get());
            assertEquals(1, r.eos.get());
            assertEquals(1, r.starts.get());
            assertTrue(r.disconts.get() >= 1, "the first buffer is DISCONT");
            assertEquals(r.pts, r.runningTimes, "segment starts at 0: running time == pts");
            run.pipeline.setState(State.NULL);
            assertEquals(1, r.stops.get());
        }
    }

    @Test
    void readOnlyElementPassesTheSameBufferAndMemoryOn() throws Exception {
        List<Long> in = new CopyOnWriteArrayList<>();
        List<Long> out = new CopyOnWriteArrayList<>();
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=5 ! video/x-raw,format=RGB,width=64,height=48"
                + " ! respiketestpass name=pass ! fakesink")) {
            Element pass = run.pipeline.getElementByName("pass");
            pass.getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                in.add(com.sun.jna.Pointer.nativeValue(Natives.getRawPointer(info.getBuffer())));
                return PadProbeReturn.OK;
            });
            pass.getStaticPad("src").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                out.add(com.sun.jna.Pointer.nativeValue(Natives.getRawPointer(info.getBuffer())));
                return PadProbeReturn.OK;
            });
            run.pipeline.play();
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            assertEquals(5, in.size());
            assertEquals(in, out, "no copy: the GstBuffer that enters is the one that leaves");
        }
    }

    @Test
    void flushingSeekCallsFlush() throws Exception {
        Recorder.reset("flushed");
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc ! video/x-raw,format=RGB,width=32,height=24"
                + " ! respiketestcount name=flushed ! fakesink")) {
            Recorder r = Recorder.of("flushed");
            waitFor(() -> r.processed.get() > 10);
            assertEquals(0, r.flushes.get());
            assertTrue(run.pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH), 0));
            waitFor(() -> r.flushes.get() == 1);
            assertTrue(run.errors.isEmpty(), () -> "errors: " + run.errors);
        }
    }

    /**
     * The formats respiketestcount {@code name} was given: a stream in {@code caps}, then, after a few buffers,
     * in {@code newCaps}.
     */
    private static List<VideoFormat> formatsAcrossACapsChange(String name, String caps, String newCaps, int buffers)
            throws Exception {
        Recorder.reset(name);
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc ! capsfilter name=cf caps=" + caps
                + " ! respiketestcount name=" + name + " ! fakesink")) {
            Recorder r = Recorder.of(name);
            waitFor(() -> r.processed.get() > buffers);
            run.pipeline.getElementByName("cf").setCaps(Caps.fromString(newCaps));
            waitFor(() -> r.formats.size() >= 2);
            return List.copyOf(r.formats.subList(0, 2));
        }
    }

    @Test
    void capsChangeMidStreamCallsSetFormatAgain() throws Exception {
        List<VideoFormat> formats = formatsAcrossACapsChange("recaps", "video/x-raw,format=RGB,width=64,height=48",
                "video/x-raw,format=BGRx,width=80,height=60", 5);
        assertEquals(new VideoFormat("RGB", 64, 48, 192, null, 30, 1), formats.get(0));
        assertEquals(new VideoFormat("BGRx", 80, 60, 320, null, 30, 1), formats.get(1));
    }

    @Test
    void yuvFormatsCarryTheirChromaPlanesAndColourMatrix() throws Exception {
        List<VideoFormat> formats = formatsAcrossACapsChange("yuv",
                "video/x-raw,format=I420,width=82,height=60,colorimetry=bt601",
                "video/x-raw,format=NV12,width=82,height=60,colorimetry=bt709", 2);
        // GStreamer's own layout: rows padded to 4 bytes, I420's U then V planes, NV12's one UV plane.
        assertEquals(new VideoFormat("I420", 82, 60, 84, new YuvLayout(84 * 60, 84 * 60 + 44 * 30, 44,
                0.299, 0.114, false), 30, 1), formats.get(0));
        assertEquals(YuvLayout.i420(82, 60), formats.get(0).yuv(), "the layout the benches and tests build");
        assertEquals(new VideoFormat("NV12", 82, 60, 84, new YuvLayout(84 * 60, 84 * 60 + 1, 84,
                0.2126, 0.0722, false), 30, 1), formats.get(1));
    }

    @Test
    void oddWidthRgbHasPaddedStride() throws Exception {
        Recorder.reset("odd");
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=3 ! video/x-raw,format=RGB,width=161,height=7"
                + " ! respiketestcount name=odd ! fakesink")) {
            run.pipeline.getElementByName("odd").getStaticPad("src").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                Buffer b = info.getBuffer();
                sizes.add(b.map(false).remaining());
                b.unmap();
                return PadProbeReturn.OK;
            });
            run.pipeline.play();
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            VideoFormat f = Recorder.of("odd").formats.get(0);
            assertEquals(161, f.width());
            assertEquals(484, f.rowStride(), "161 * 3 = 483 bytes rounded up to 4");
            assertEquals(List.of(484 * 7, 484 * 7, 484 * 7), sizes);
        }
    }

    @Test
    void writableElementChangesThePixelsDownstreamSees() throws Exception {
        List<Integer> firstBytes = new CopyOnWriteArrayList<>();
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=3 pattern=black ! video/x-raw,format=RGB,width=32,height=8"
                + " ! respiketestinvert ! fakesink name=sink")) {
            run.pipeline.getElementByName("sink").getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                ByteBuffer data = info.getBuffer().map(false);
                firstBytes.add(data.get(0) & 0xff);
                info.getBuffer().unmap();
                return PadProbeReturn.OK;
            });
            run.pipeline.play();
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            assertEquals(List.of(255, 255, 255), firstBytes, "black (0) inverted to 255");
        }
    }

    @Test
    void elementMessagesAndMetasReachTheBusAndDownstream() throws Exception {
        List<Map<String, Object>> metas = new CopyOnWriteArrayList<>();
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=5 ! video/x-raw,format=RGB,width=32,height=24"
                + " ! respiketestmeta name=meta ! queue ! fakesink name=sink")) {
            run.pipeline.getElementByName("sink").getStaticPad("sink").addProbe(PadProbeType.BUFFER, (pad, info) -> {
                metas.add(CustomMetas.read(Natives.getRawPointer(info.getBuffer()), MetaElement.META));
                return PadProbeReturn.OK;
            });
            run.pipeline.play();
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            waitFor(() -> run.elementMessages.size() == 5);
            String first = run.elementMessages.get(0);
            assertTrue(first.startsWith("meta: respike-test, index=(int)0, pts=(gint64)0, score=(double)0"), first);
            assertTrue(first.contains("ratio=(float)0.5, key=(boolean)true, label=(string)class-0"), first);
            assertTrue(first.contains("scores=(float)< 0.125, 0.875 >, logits=(double)< -1.5, 2.5 >"), first);
            assertTrue(first.contains("energy=(structure)"), first);
            assertEquals(Map.of("ops", 42L), run.elementFields.get(0).get("energy"), "a nested structure, copied");

            assertEquals(5, metas.size());
            Map<String, Object> m = metas.get(3);
            assertNotNull(m, "meta present downstream");
            assertEquals(3, m.get("index"));
            assertEquals(100_000_000L, m.get("pts"));
            assertEquals(0.75, m.get("score"));
            assertEquals(0.5f, m.get("ratio"));
            assertEquals(false, m.get("key"));
            assertEquals("class-3", m.get("label"));
            assertEquals(List.of(0.125f, 0.875f), m.get("scores"));
            assertEquals(List.of(-1.5, 2.5), m.get("logits"));
            assertEquals(Map.of("ops", 42L), m.get("energy"));
            assertEquals(List.of("walk", "label of buffer 3"), m.get("labels"));
            assertEquals(List.of(Map.of("label", "run", "score", 0.5), Map.of("label", "wave", "score", 0.25)), m.get("top"));
        }
    }

    /**
     * Regions go onto the buffer as GstVideoRegionOfInterestMetas (found by their API type) with id, roi_type,
     * box and param structures, and come back the same downstream, through a queue and videoconvert (which
     * copies video metas); a "negative" box, unsigned in the meta, reads back as written.
     */
    @Test
    void regionsOfInterestTravelAsVideoRegionOfInterestMetas() throws Exception {
        Recorder.reset("reader");
        Pipelines.Result result = Pipelines.run("videotestsrc num-buffers=3 ! video/x-raw,format=RGB,width=64,height=48"
                + " ! respiketestregions boxes=\"1,2,30,40;-5,0,0,10\" ! queue ! videoconvert"
                + " ! respiketestregions name=reader ! fakesink", message -> {}, 30_000);
        assertEquals(Pipelines.Outcome.EOS, result.outcome(), result.toString());
        Recorder reader = Recorder.of("reader");
        assertEquals(3, reader.regions.size());
        for (List<Region> regions : reader.regions) {
            assertEquals(RegionElement.parse("1,2,30,40;-5,0,0,10"), regions);
        }
        assertEquals(Map.of("detection", Map.of("index", 1)), reader.regions.get(2).get(1).params());
    }

    @Test
    void throwingElementStopsItsPipelineWithAnErrorAndOthersStillRun() throws Exception {
        Recorder.reset("thrower");
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc num-buffers=100 ! respiketestfail name=thrower fail-at=3"
                + " ! fakesink")) {
            assertFalse(run.awaitEnd(30));
            String error = run.errors.get(0);
            assertTrue(error.startsWith("thrower: respiketestfail failed to process a buffer: IllegalStateException:"
                    + " deliberate failure in process() at pts 100000000"), error);
            assertEquals(4, Recorder.of("thrower").processed.get(), "stopped at the failing buffer");
        }
        Recorder.reset("after");
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc num-buffers=20 ! respiketestcount name=after ! fakesink")) {
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            assertEquals(20, Recorder.of("after").processed.get());
        }
    }

    @Test
    void startThrowingFailsTheStateChangeWithItsMessage() throws Exception {
        try (PlayingPipeline run = new PlayingPipeline("videotestsrc num-buffers=10 ! respiketestbadstart name=bad ! fakesink")) {
            assertEquals(StateChangeReturn.FAILURE, run.pipeline.setState(State.PLAYING));
            assertFalse(run.awaitEnd(10));
            assertTrue(run.errors.get(0).startsWith("bad: respiketestbadstart failed to start: FileNotFoundException:"
                    + " model bundle /nonexistent/bundle not found"), () -> "errors: " + run.errors);
        }
    }

    @Test
    void binBuildsItsChildrenAndRoutesProperties() throws Exception {
        Recorder.reset("counter");
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc num-buffers=10 ! video/x-raw,format=RGB"
                + " ! respiketestbin name=bin label=inbin width=32 ! fakesink")) {
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
            Recorder r = Recorder.of("counter"); // the child's own name: a bin gives its name where it means to
            assertEquals(10, r.processed.get());
            assertEquals(32, r.formats.get(0).width());
            Element bin = run.pipeline.getElementByName("bin");
            assertEquals("inbin", bin.get("label"));
            assertEquals(32, bin.get("width"));
        }
    }

    @Test
    void registeringAgainIsHarmless() throws Exception {
        RespikePlugin.registerAll();
        RespikePlugin.initInJvm();
        assertTrue(org.respike.plugin.gst.Registrar.registerStaticPlugin("respikeagain", "second registration",
                plugin -> RespikePlugin.register(plugin) > 0));
        try (PlayingPipeline run = PlayingPipeline.play("videotestsrc num-buffers=5 ! respiketestcount ! fakesink")) {
            assertTrue(run.awaitEnd(30), () -> "errors: " + run.errors);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }
}
