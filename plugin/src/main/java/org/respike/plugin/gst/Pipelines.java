package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.function.Consumer;

/**
  * Runs a launch string to EOS or error on the calling thread, handing each bus message (error, warning,
  * element message, EOS) as one line to a consumer. Plain GStreamer calls, no main loop.
  */
public final class Pipelines {
    /** How a run ended. */
    public enum Outcome { EOS, ERROR, PARSE_ERROR, START_FAILED, TIMEOUT }

    private Pipelines() {}

    public static Outcome run(String description, Consumer<String> lines, long timeoutMillis) {
        Memory error = new Memory(Native.POINTER_SIZE);
        error.setPointer(0, null);
        Pointer pipeline = GstApi.gst_parse_launch_full(description, null, Layout.PARSE_FLAG_FATAL_ERRORS, error);
        String problem = CStrings.takeError(error);
        if (pipeline == null) {
            lines.accept("ERROR: could not construct pipeline: " + problem);
            return Outcome.PARSE_ERROR;
        }
        GstApi.gst_object_ref_sink(pipeline);
        Pointer bus = GstApi.gst_element_get_bus(pipeline);
        int types = Layout.MESSAGE_EOS | Layout.MESSAGE_ERROR | Layout.MESSAGE_WARNING | Layout.MESSAGE_ELEMENT;
        try {
            boolean started = GstApi.gst_element_set_state(pipeline, Layout.STATE_PLAYING) != Layout.STATE_CHANGE_FAILURE;
            long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : Long.MAX_VALUE;
            while (true) {
                Pointer message = GstApi.gst_bus_timed_pop_filtered(bus, started ? 100_000_000L : 0L, types);
                if (message == null) {
                    if (!started) {
                        return Outcome.START_FAILED;
                    }
                    if (System.nanoTime() > deadline) {
                        lines.accept("ERROR: timed out after " + timeoutMillis + " ms");
                        return Outcome.TIMEOUT;
                    }
                    continue;
                }
                try {
                    int type = message.getInt(Layout.MESSAGE_TYPE);
                    lines.accept(describe(message, type));
                    if (type == Layout.MESSAGE_EOS) {
                        return Outcome.EOS;
                    } else if (type == Layout.MESSAGE_ERROR) {
                        return started ? Outcome.ERROR : Outcome.START_FAILED;
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

    /** One line for an error, warning, element or EOS message. */
    static String describe(Pointer message, int type) {
        Pointer src = message.getPointer(Layout.MESSAGE_SRC);
        String from = src == null ? "?" : ElementTypes.objectName(src);
        if (type == Layout.MESSAGE_EOS) {
            return "EOS";
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
            String firstLine = details == null ? "" : " (" + details.lines().findFirst().orElse("").trim() + ")";
            return (type == Layout.MESSAGE_ERROR ? "ERROR" : "WARNING") + " from " + from + ": " + text + firstLine;
        }
        return "ELEMENT from " + from + ": " + Structures.toString(GstApi.gst_message_get_structure(message));
    }
}
