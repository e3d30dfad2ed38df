package org.respike.plugin;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.ServiceLoader;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.ElementDefinition;
import org.respike.plugin.gst.Registrar;

/**
  * Entry point of the ReSpike GStreamer plugin. Element definitions are found with {@link ServiceLoader}
  * ({@code META-INF/services/org.respike.elements.spi.ElementDefinition} and {@code ...BinDefinition}) and
  * registered as element factories, either on the plugin the native loader {@code libgstrespike.so} hands
  * over ({@link #registerNative}), or on a static plugin inside this JVM ({@link #initInJvm}).
  */
public final class RespikePlugin {
    /** Name of the plugin, for the native loader and the in-JVM static plugin alike. */
    public static final String NAME = "respike";

    private static boolean inJvm;

    private RespikePlugin() {}

    /** Registers every definition on {@code plugin} (a GstPlugin*). Returns the number of factories. */
    public static int register(Pointer plugin) {
        ClassLoader loader = RespikePlugin.class.getClassLoader();
        List<ElementDefinition> elements = ServiceLoader.load(ElementDefinition.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        List<BinDefinition> bins = ServiceLoader.load(BinDefinition.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return Registrar.register(plugin, elements, bins);
    }

    /** Called by the native loader when the host process exits; never throws. */
    public static void exitingNative() {
        try {
            Registrar.flushStdout();
        } catch (Throwable ignored) {
            // the process is exiting: nothing left to tell
        }
    }

    /** Called by the native loader's plugin_init with the GstPlugin*; never throws. */
    public static boolean registerNative(long plugin) {
        try {
            Registrar.shareStdoutWithTheHost();
            register(new Pointer(plugin));
            return true;
        } catch (Throwable t) {
            System.err.println("respike: registering the Java elements failed:");
            t.printStackTrace();
            return false;
        }
    }

    /**
      * Registers every definition on a static plugin of this process (GStreamer must be initialised).
      * Idempotent.
      */
    public static synchronized void registerAll() {
        if (inJvm) {
            return;
        }
        Throwable[] failure = new Throwable[1];
        boolean ok = Registrar.registerStaticPlugin(NAME, "ReSpike Java elements (registered in this JVM)", plugin -> {
            try {
                register(plugin);
                return true;
            } catch (Throwable t) {
                failure[0] = t;
                return false;
            }
        });
        if (!ok) {
            throw new IllegalStateException("registering the ReSpike elements failed", failure[0]);
        }
        inJvm = true;
    }

    /**
      * Initialises GStreamer in this JVM (if not yet) and registers the elements: what an application or test
      * calls before {@code Gst.parseLaunch}. GStreamer's SIGSEGV trap is turned off first, since the JVM needs
      * its own handler. Idempotent.
      */
    public static synchronized void initInJvm() {
        if (inJvm) {
            return;
        }
        if (!Gst.isInitialized()) {
            Registrar.disableSegtrap();
            Gst.init(Version.of(1, 20), "respike");
        }
        registerAll();
    }
}
