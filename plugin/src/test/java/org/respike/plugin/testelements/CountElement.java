package org.respike.plugin.testelements;

import java.util.List;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;

/**
  * respiketestcount: read-only passthrough that records what it sees (TEST ONLY). With report=true it prints
  * "respiketestcount NAME: N buffers" at EOS, for tests that run the stock tools.
  */
public final class CountElement extends BasicElementDefinition {
    public CountElement() {
        super("respiketestcount", new ElementMetadata("ReSpike test counter", "Filter/Analyzer/Video",
                "Counts buffers (test only). Example: videotestsrc num-buffers=10 ! respiketestcount ! fakesink",
                "ReSpike tests"), PROPERTIES, "video/x-raw,format={RGB,BGR,RGBx,BGRx,RGBA,BGRA,I420,NV12}", true, CountElement::logic);
    }

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.string("label", "Label", "Free text the test reads back", "none"),
            PropertySpec.bool("report", "Report", "Print the buffer count at EOS", false),
            PropertySpec.integer("factor", "Factor", "An integer in [0, 100]", 5, 0, 100),
            PropertySpec.real("gain", "Gain", "A real in [0, 10]", 1.5, 0, 10),
            PropertySpec.choice("mode", "Mode", "A choice", "fast", List.of(
                    new PropertySpec.Choice("fast", "Fast"), new PropertySpec.Choice("slow", "Slow"))),
            PropertySpec.string("opened", "Opened", "Read at start: refused in PAUSED and PLAYING", "first")
                    .readAtStartOnly(),
            PropertySpec.integer("null-checks", "Null checks",
                    "Per buffer, dereference null this many times in compiled code and catch the NullPointerException:"
                            + " HotSpot turns those into SIGSEGVs that only its own handler survives", 0, 0, 1_000_000));

    private static VideoElement logic(ElementHost host, PropertyValues props) {
        return new Logic(host, props);
    }

    private static final class Logic extends TestLogic {
        private long nullChecks;

        /** Compiled with an implicit null check: a null argument is a SIGSEGV the JVM's handler turns into an NPE. */
        private static int lengthOrMinusOne(String s) {
            try {
                return s.length();
            } catch (NullPointerException e) {
                return -1;
            }
        }

        Logic(ElementHost host, PropertyValues props) {
            super(host, props);
        }

        @Override
        public void process(VideoFrame frame) {
            Recorder r = recorder();
            r.pts.add(frame.pts());
            r.runningTimes.add(frame.runningTime());
            if (frame.discont()) {
                r.disconts.incrementAndGet();
            }
            r.processed.incrementAndGet();
            int n = props.integer("null-checks");
            for (int i = 0; i < n; i++) {
                nullChecks += lengthOrMinusOne(i % 64 == 63 ? null : "x");
            }
            host.log(ElementHost.LogLevel.DEBUG, "buffer pts " + frame.pts());
        }

        @Override
        public void setFormat(VideoFormat format) {
            recorder().formats.add(format);
        }

        @Override
        public void eos() {
            super.eos();
            if (props.bool("report")) {
                System.out.println("respiketestcount " + host.name() + ": " + recorder().processed.get() + " buffers");
                System.out.flush();
            }
        }
    }
}
