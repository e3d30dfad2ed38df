package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import java.io.PrintWriter;
import java.io.StringWriter;

/** GST_ELEMENT_ERROR and GST_ELEMENT_WARNING for Java: messages on the bus, with the exception as debug text. */
final class ElementErrors {
    /** The error domains this glue reports in. */
    enum Domain { RESOURCE, STREAM }

    private ElementErrors() {}

    static void error(Pointer element, Domain domain, int code, String text, Throwable cause) {
        post(element, Layout.MESSAGE_ERROR, domain, code, text, cause);
    }

    static void warning(Pointer element, String text, Throwable cause) {
        post(element, Layout.MESSAGE_WARNING, Domain.STREAM, Layout.STREAM_ERROR_FAILED, text, cause);
    }

    private static void post(Pointer element, int type, Domain domain, int code, String text, Throwable cause) {
        int quark = switch (domain) {
            case RESOURCE -> GstApi.gst_resource_error_quark();
            case STREAM -> GstApi.gst_stream_error_quark();
        };
        String debug = cause == null ? null : stackTrace(cause);
        // The location GStreamer prints with the debug text: where the exception was thrown.
        StackTraceElement[] trace = cause == null ? new StackTraceElement[0] : cause.getStackTrace();
        StackTraceElement where = trace.length > 0 ? trace[0] : null;
        String file = where == null || where.getFileName() == null ? "java" : where.getFileName();
        String function = where == null ? "respike" : where.getClassName() + "." + where.getMethodName();
        int line = where == null ? 0 : Math.max(0, where.getLineNumber());
        // gst_element_message_full takes ownership of text and debug (g_free).
        GstApi.gst_element_message_full(element, type, quark, code, CStrings.glibCopy(text), CStrings.glibCopy(debug),
                file, function, line);
    }

    /** One line for the bus text: the exception's message, or its class when it has none. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : t.getClass().getSimpleName() + ": " + m;
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
