package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import org.respike.elements.spi.ElementHost.LogLevel;

/** One GStreamer debug category per element factory: {@code GST_DEBUG=<factory>:5} shows its log. */
final class DebugCategory {
    private static DebugCategory plugin;

    private final Pointer category;
    private final String name;

    DebugCategory(String name, String description) {
        this.name = name;
        this.category = GstApi._gst_debug_category_new(name, 0, description);
    }

    /** The plugin-wide category "respike": stack traces of errors and warnings, the stdout hand-over. */
    static synchronized DebugCategory plugin() {
        if (plugin == null) {
            plugin = new DebugCategory("respike", "ReSpike Java elements: stack traces, standard output");
        }
        return plugin;
    }

    boolean enabled(LogLevel level) {
        return GstApi.gst_debug_category_get_threshold(category) >= gstLevel(level);
    }

    void log(LogLevel level, Pointer object, String message) {
        if (enabled(level)) {
            GstApi.gst_debug_log_literal(category, gstLevel(level), "java", name, 0, object, CStrings.utf8(message));
        }
    }

    private static int gstLevel(LogLevel level) {
        return switch (level) {
            case ERROR -> Layout.LEVEL_ERROR;
            case WARNING -> Layout.LEVEL_WARNING;
            case INFO -> Layout.LEVEL_INFO;
            case DEBUG -> Layout.LEVEL_DEBUG;
        };
    }
}
