package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Version;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.FlowReturn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The installed GStreamer runs a real pipeline from Java: the floor every other test stands on. */
class GStreamerRuntimeTest {

    @BeforeAll
    static void init() {
        Gst.init(Version.of(1, 16), "GStreamerRuntimeTest");
    }

    @Test
    void videotestsrcDeliversEveryBufferToEos() throws Exception {
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(
                "videotestsrc num-buffers=25 ! video/x-raw,format=RGB,width=64,height=48 ! appsink name=sink sync=false");
        AppSink sink = (AppSink) pipeline.getElementByName("sink");
        sink.set("emit-signals", true);
        AtomicInteger frames = new AtomicInteger();
        sink.connect((AppSink.NEW_SAMPLE) s -> {
            s.pullSample().dispose();
            frames.incrementAndGet();
            return FlowReturn.OK;
        });
        CountDownLatch done = new CountDownLatch(1);
        pipeline.getBus().connect((Bus.EOS) src -> done.countDown());
        pipeline.getBus().connect((Bus.ERROR) (src, code, msg) -> done.countDown());
        pipeline.play();
        try {
            done.await(30, TimeUnit.SECONDS);
        } finally {
            pipeline.stop();
            pipeline.dispose();
        }
        assertEquals(25, frames.get());
    }
}
