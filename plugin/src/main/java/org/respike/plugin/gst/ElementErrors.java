package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.respike.elements.spi.ElementHost.LogLevel;

/**
 * GST_ELEMENT_ERROR and GST_ELEMENT_WARNING for Java: messages on the bus whose debug text is the chain of
 * causes in one line; the stack trace goes to the debug log ({@code GST_DEBUG=respike:3}), not to the user.
 */
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
        String debug = cause == null ? null : causes(cause);
        if (cause != null) {
            DebugCategory.plugin().log(type == Layout.MESSAGE_ERROR ? LogLevel.ERROR : LogLevel.WARNING, element,
                    text + "\n" + stackTrace(cause));
        }
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

    /** "Outer: message; caused by Inner: message", each cause once. */
    static String causes(Throwable t) {
        StringBuilder b = new StringBuilder(describe(t));
        Set<Throwable> seen = new HashSet<>(List.of(t));
        for (Throwable c = t.getCause(); c != null && seen.add(c); c = c.getCause()) {
            String d = describe(c);
            if (b.indexOf(d) < 0) {
                b.append("; caused by ").append(d);
            }
        }
        return b.toString().replaceAll("\\s*\n\\s*", " ");
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
