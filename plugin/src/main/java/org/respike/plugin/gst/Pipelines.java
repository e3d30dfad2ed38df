package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pipeline runner of the CLI, demo, bench and tests: runs a launch string to EOS, error or timeout on
 * the calling thread, handing each bus message (error, warning, element message, EOS) to a listener as
 * plain Java data, and the stream position twice a second. Plain GStreamer calls, no main loop; every
 * message is released as soon as it is read. (gst1-java-core's Bus wraps each message in a Java object
 * that frees it only when collected: about 1 KB of native memory per result grew over long runs.)
 */
public final class Pipelines {
    /** How a run ended. */
    public enum Outcome {
        EOS,
        /** An element posted an error while the pipeline ran. */
        ERROR,
        /** The launch string did not parse, or the pipeline did not start. */
        BAD_PIPELINE,
        TIMEOUT
    }

    /** How a run ended and, unless at EOS, why: the last error ("element: text"). */
    public record Result(Outcome outcome, String message) {
        public boolean ok() {
            return outcome == Outcome.EOS;
        }
    }

    /** The kinds of bus message a run reports. */
    public enum Kind { EOS, ERROR, WARNING, ELEMENT }

    /**
     * One bus message: its kind, the name of the element that posted it (null for the runner's own errors:
     * a launch string that does not parse, a timeout), the error or warning text (with the first line of
     * its debug detail), and for element messages the structure's name and fields.
     */
    public record BusMessage(Kind kind, String source, String text, String structureName, Map<String, Object> fields) {}

    /** What a run reports while it goes. */
    public interface Listener {
        void onMessage(BusMessage message);

        /** About twice a second: stream position and duration in ns (-1 when unknown). */
        default void onTick(long position, long duration) {}
    }

    private static final long TICK_NANOS = 500_000_000L;

    private Pipelines() {}

    /** Runs {@code description}; {@code timeoutMillis <= 0} waits forever. */
    public static Result run(String description, Listener listener, long timeoutMillis) {
        String[] lastError = {""};
        Outcome outcome = run(description, message -> {
            if (message.kind() == Kind.ERROR) {
                lastError[0] = (message.source() == null ? "" : message.source() + ": ") + message.text();
            }
            listener.onMessage(message);
        }, listener, timeoutMillis);
        if (outcome == Outcome.BAD_PIPELINE && lastError[0].isEmpty()) {
            lastError[0] = "the pipeline failed to start";
        }
        return new Result(outcome, outcome == Outcome.EOS ? "" : lastError[0]);
    }

    private static Outcome run(String description, Consumer<BusMessage> messages, Listener ticks, long timeoutMillis) {
        Memory error = new Memory(Native.POINTER_SIZE);
        error.setPointer(0, null);
        Pointer pipeline = GstApi.gst_parse_launch_full(description, null, Layout.PARSE_FLAG_FATAL_ERRORS, error);
        String problem = CStrings.takeError(error);
        if (pipeline == null) {
            messages.accept(new BusMessage(Kind.ERROR, null, "could not construct pipeline: " + problem, null,
                    Map.of()));
            return Outcome.BAD_PIPELINE;
        }
        GstApi.gst_object_ref_sink(pipeline);
        Pointer bus = GstApi.gst_element_get_bus(pipeline);
        int types = Layout.MESSAGE_EOS | Layout.MESSAGE_ERROR | Layout.MESSAGE_WARNING | Layout.MESSAGE_ELEMENT;
        Memory position = new Memory(Long.BYTES);
        Memory duration = new Memory(Long.BYTES);
        try {
            boolean started = GstApi.gst_element_set_state(pipeline, Layout.STATE_PLAYING) != Layout.STATE_CHANGE_FAILURE;
            long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
            long nextTick = System.nanoTime() + TICK_NANOS;
            while (true) {
                Pointer message = GstApi.gst_bus_timed_pop_filtered(bus, started ? 100_000_000L : 0L, types);
                if (System.nanoTime() >= nextTick) {
                    nextTick += TICK_NANOS;
                    ticks.onTick(query(pipeline, position, true), query(pipeline, duration, false));
                }
                if (message == null) {
                    if (!started) {
                        return Outcome.BAD_PIPELINE;
                    }
                    if (System.nanoTime() > deadline) {
                        messages.accept(new BusMessage(Kind.ERROR, null, "timed out after " + timeoutMillis
                                + " ms", null, Map.of()));
                        return Outcome.TIMEOUT;
                    }
                    continue;
                }
                try {
                    BusMessage m = read(message, message.getInt(Layout.MESSAGE_TYPE));
                    messages.accept(m);
                    if (m.kind() == Kind.EOS) {
                        return Outcome.EOS;
                    } else if (m.kind() == Kind.ERROR) {
                        return started ? Outcome.ERROR : Outcome.BAD_PIPELINE;
                    }
                } finally {
                    GstApi.gst_mini_object_unref(message);
                }
            }
        } finally {
            GstApi.gst_element_set_state(pipeline, Layout.STATE_NULL);
            GstApi.gst_object_unref(bus);
            GstApi.gst_object_unref(pipeline);
        }
    }

    private static long query(Pointer pipeline, Memory out, boolean position) {
        boolean ok = position
                ? GstApi.gst_element_query_position(pipeline, Layout.FORMAT_TIME, out)
                : GstApi.gst_element_query_duration(pipeline, Layout.FORMAT_TIME, out);
        return ok ? out.getLong(0) : -1;
    }

    /** A Java copy of an error, warning, element or EOS message. */
    /**
     * The debug text in brackets, one line: GStreamer's own put the source location first and the reason
     * last ("gstbasesrc.c(3132): gst_base_src_loop (): ...:\nstreaming stopped, reason not-linked (-1)").
     */
    private static String detail(String details) {
        if (details == null || details.isBlank()) {
            return "";
        }
        List<String> lines = details.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String first = lines.get(0);
        String last = lines.get(lines.size() - 1);
        return " (" + (lines.size() == 1 ? first : first + " " + last) + ")";
    }

    static BusMessage read(Pointer message, int type) {
        Pointer src = message.getPointer(Layout.MESSAGE_SRC);
        String from = src == null ? "?" : ElementType.objectName(src);
        if (type == Layout.MESSAGE_EOS) {
            return new BusMessage(Kind.EOS, from, "", null, Map.of());
        } else if (type == Layout.MESSAGE_ERROR || type == Layout.MESSAGE_WARNING) {
            Memory error = new Memory(Native.POINTER_SIZE);
            Memory debug = new Memory(Native.POINTER_SIZE);
            if (type == Layout.MESSAGE_ERROR) {
                GstApi.gst_message_parse_error(message, error, debug);
            } else {
                GstApi.gst_message_parse_warning(message, error, debug);
            }
            String text = CStrings.takeError(error);
            String details = CStrings.take(debug.getPointer(0));
            return new BusMessage(type == Layout.MESSAGE_ERROR ? Kind.ERROR : Kind.WARNING, from,
                    text + detail(details), null, Map.of());
        }
        Pointer structure = GstApi.gst_message_get_structure(message);
        return new BusMessage(Kind.ELEMENT, from, Structures.toString(structure),
                CStrings.read(GstApi.gst_structure_get_name(structure)), Structures.toMap(structure));
    }
}
