package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementDefinition;

/**
  * Registers Java element definitions as GStreamer element factories of a plugin. Idempotent: each GType is
  * created once per process and registering a factory again (the launcher and the native loader may both do
  * it) keeps the same type.
  */
public final class Registrar {
    private Registrar() {}

    /** Registers every definition on {@code plugin} (a GstPlugin*); returns the number of factories. */
    public static synchronized int register(Pointer plugin, Iterable<ElementDefinition> elements,
            Iterable<BinDefinition> bins) {
        int n = 0;
        for (ElementDefinition e : elements) {
            ElementType.register(plugin, e.factoryName(), () -> new TransformType(e));
            n++;
        }
        for (BinDefinition b : bins) {
            ElementType.register(plugin, b.factoryName(), () -> new BinType(b));
            n++;
        }
        return n;
    }

    /**
     * In a C host whose JVM the native loader started (system property respike.host=c), makes System.out
     * (json-output=-) line-atomic with the host's own printing; a Java application keeps its System.out.
     */
    public static void shareStdoutWithTheHost() {
        if ("c".equals(System.getProperty("respike.host"))) {
            MainThreadStdout.install();
        }
    }

    /** Writes the lines still queued for the host's stdout; called by the loader at the host's exit. */
    public static void flushStdout() {
        MainThreadStdout.drainAll();
    }

    /** Turns GStreamer's SIGSEGV trap off: the JVM's handler must stay in place when plugins load. */
    public static void disableSegtrap() {
        GstApi.gst_segtrap_set_enabled(0);
    }

    /**
      * Registers a static plugin named {@code name} whose init calls {@code init} with the GstPlugin*.
      * GStreamer must be initialised.
      */
    public static boolean registerStaticPlugin(String name, String description, PluginInit init) {
        Callbacks.BooleanFunc callback = Callbacks.keep(plugin -> {
            try {
                return init.init(plugin) ? 1 : 0;
            } catch (Throwable t) {
                System.err.println("respike: plugin init failed: " + ElementErrors.stackTrace(t));
                return 0;
            }
        });
        return GstApi.gst_plugin_register_static(Layout.GST_VERSION_MAJOR, Layout.GST_VERSION_MINOR, name,
                description, callback, "0.1.0", "LGPL", "respike", "respike", "https://github.com/respike") != 0;
    }

    /** Plugin init in Java. */
    public interface PluginInit {
        boolean init(Pointer plugin);
    }
}
