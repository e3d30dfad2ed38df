package org.respike.plugin.gst;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.respike.elements.spi.ElementMetadata;

/**
  * What the GType of a Java element shares, whichever GStreamer class it extends (GstBaseTransform for
  * {@link TransformType}, GstBin for {@link BinType}): one GType per process, created on first registration;
  * the per-instance Java state {@code S}, made in instance_init and closed in finalize (which chains to the
  * parent's); the GObject part of class_init (property vfuncs, debug category, metadata); and GLib's check of
  * property ids. Subclasses add their class's vfuncs, pads and properties.
  */
abstract class ElementType<S> {
    private static final Map<String, ElementType<?>> BY_FACTORY = new ConcurrentHashMap<>();
    private static final Function G_LOG = NativeLibrary.getInstance("glib-2.0").getFunction("g_log");

    final String factoryName;
    final String typeName;
    final Instances<S> instances = new Instances<>();
    private final ElementMetadata metadata;
    private final long parentType;
    private final int classSize;
    private final int instanceSize;
    private long gtype;
    private volatile DebugCategory debug;
    private volatile Function parentFinalize;

    // Strong references for the life of the process (every ElementType lives in BY_FACTORY forever).
    private final Callbacks.ClassInit classInit = this::classInit;
    private final Callbacks.InstanceInit instanceInit = this::instanceInit;
    private final Callbacks.PropertyFunc setProperty = this::setPropertyCallback;
    private final Callbacks.PropertyFunc getProperty = this::getPropertyCallback;
    private final Callbacks.Finalize finalizer = this::finalizeInstance;

    /** {@code parentType}, {@code classSize}, {@code instanceSize}: the GStreamer class extended and its sizes. */
    ElementType(String factoryName, ElementMetadata metadata, long parentType, int classSize, int instanceSize) {
        this.factoryName = factoryName;
        this.typeName = typeName(factoryName);
        this.metadata = metadata;
        this.parentType = parentType;
        this.classSize = classSize;
        this.instanceSize = instanceSize;
    }

    /** Registers the factory {@code type} on {@code plugin}; the first registration of a name wins. */
    static void register(Pointer plugin, String factoryName, Supplier<ElementType<?>> type) {
        ElementType<?> t = BY_FACTORY.computeIfAbsent(factoryName, n -> type.get());
        t.ensureGType();
        if (GstApi.gst_element_register(plugin, t.factoryName, Layout.RANK_NONE, t.gtype) == 0) {
            throw new IllegalStateException("gst_element_register failed for " + t.factoryName);
        }
    }

    /** Every registered type, for lookups across them. */
    static Iterable<ElementType<?>> all() {
        return BY_FACTORY.values();
    }

    abstract int propertyCount();

    /** The rest of class_init, after the GObject part: properties, pad templates, the class's vfuncs. */
    abstract void initClass(Pointer klass, Pointer parentClass);

    /** The Java state of a new instance (instance_init). */
    abstract S createInstance(Pointer instance);

    /** Releases an instance's state (finalize). */
    abstract void closeInstance(S state);

    /** set_property for an id this class installed; {@code state} is null when instance_init failed. */
    abstract void setProperty(S state, Pointer object, int id, Pointer value);

    /** get_property for an id this class installed; {@code state} is null when instance_init failed. */
    abstract void getProperty(S state, Pointer object, int id, Pointer value);

    DebugCategory debug() {
        return debug;
    }

    private synchronized void ensureGType() {
        if (gtype != 0) {
            return;
        }
        if (GObjectApi.g_type_from_name(typeName) != 0) {
            throw new IllegalStateException("GType " + typeName + " exists but was not registered by this glue");
        }
        gtype = GObjectApi.g_type_register_static_simple(parentType, typeName, classSize, Callbacks.keep(classInit),
                instanceSize, Callbacks.keep(instanceInit), 0);
        if (gtype == 0) {
            throw new IllegalStateException("g_type_register_static_simple failed for " + typeName);
        }
    }

    private void classInit(Pointer klass, Pointer data) {
        try {
            Pointer parent = GObjectApi.g_type_class_peek_parent(klass);
            parentFinalize = Function.getFunction(parent.getPointer(Layout.OBJECT_CLASS_FINALIZE));
            debug = new DebugCategory(factoryName, metadata.longName());
            // set/get_property before installing properties: GLib checks them on install.
            klass.setPointer(Layout.OBJECT_CLASS_SET_PROPERTY, Callbacks.pointer(setProperty));
            klass.setPointer(Layout.OBJECT_CLASS_GET_PROPERTY, Callbacks.pointer(getProperty));
            klass.setPointer(Layout.OBJECT_CLASS_FINALIZE, Callbacks.pointer(finalizer));
            // The copying variant: the strings below are JVM memory that goes away.
            GstApi.gst_element_class_set_metadata(klass, CStrings.utf8(metadata.longName()),
                    CStrings.utf8(metadata.klass()), CStrings.utf8(metadata.description()),
                    CStrings.utf8(metadata.author()));
            initClass(klass, parent);
        } catch (Throwable t) {
            System.err.println("respike: class_init of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        }
    }

    private void instanceInit(Pointer instance, Pointer klass) {
        try {
            instances.put(instance, createInstance(instance));
        } catch (Throwable t) {
            System.err.println("respike: instance_init of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        }
    }

    private void finalizeInstance(Pointer object) {
        try {
            S state = instances.remove(object);
            if (state != null) {
                closeInstance(state);
            }
        } catch (Throwable t) {
            System.err.println("respike: finalize of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        } finally {
            parentFinalize.invoke(Void.class, new Object[] {object});
        }
    }

    private void setPropertyCallback(Pointer object, int id, Pointer value, Pointer pspec) {
        if (id < 1 || id > propertyCount()) {
            warnInvalidPropertyId(object, id, pspec);
            return;
        }
        setProperty(instances.get(object), object, id, value);
    }

    private void getPropertyCallback(Pointer object, int id, Pointer value, Pointer pspec) {
        if (id < 1 || id > propertyCount()) {
            warnInvalidPropertyId(object, id, pspec);
            return;
        }
        getProperty(instances.get(object), object, id, value);
    }

    /**
      * G_OBJECT_WARN_INVALID_PROPERTY_ID: GLib only calls set/get_property with ids the class installed, so
      * another id is a bug in the glue, reported as GLib reports it (on stderr, fatal under G_DEBUG=fatal-warnings).
      */
    private void warnInvalidPropertyId(Pointer object, int id, Pointer pspec) {
        String property = pspec == null ? "?" : CStrings.read(pspec.getPointer(Layout.PARAM_SPEC_NAME));
        G_LOG.invokeVoid(new Object[] {"GLib-GObject", Layout.LOG_LEVEL_WARNING, "%s",
                "invalid property id " + id + " for \"" + property + "\" of " + typeName + " " + object});
    }

    /** GType name for a factory: {@code respikeinfer} becomes {@code GstRespikeinfer}. */
    static String typeName(String factoryName) {
        StringBuilder b = new StringBuilder("Gst");
        boolean upper = true;
        for (char c : factoryName.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b.toString();
    }

    /** Always-present "sink" and "src" pad templates with the same caps. */
    static void addPadTemplates(Pointer klass, String caps) {
        for (String name : new String[] {"sink", "src"}) {
            Pointer c = GstApi.gst_caps_from_string(caps);
            if (c == null) {
                throw new IllegalArgumentException("invalid caps: " + caps);
            }
            int direction = name.equals("sink") ? Layout.PAD_SINK : Layout.PAD_SRC;
            GstApi.gst_element_class_add_pad_template(klass,
                    GstApi.gst_pad_template_new(name, direction, Layout.PAD_ALWAYS, c));
            GstApi.gst_mini_object_unref(c);
        }
    }

    static String objectName(Pointer object) {
        return CStrings.take(GstApi.gst_object_get_name(object));
    }

    /**
     * The element as the user knows it: "respikeinfer", or "respikeinfer of cam7" when it sits inside a bin
     * the user named cam7 (the outermost bin below the pipeline): sixteen respikebins report their errors
     * from sixteen children all named "infer".
     */
    String who(Pointer element) {
        GstApi.gst_object_ref(element);
        Pointer below = element;  // the ancestor below the current one, ref'd
        Pointer above = GstApi.gst_object_get_parent(element);
        while (above != null) {
            Pointer next = GstApi.gst_object_get_parent(above);
            if (next == null) {
                break;  // `above` is the top level: `below` is what the user placed in it
            }
            GstApi.gst_object_unref(below);
            below = above;
            above = next;
        }
        try {
            return below.equals(element) ? factoryName : factoryName + " of " + objectName(below);
        } finally {
            GstApi.gst_object_unref(below);
            if (above != null) {
                GstApi.gst_object_unref(above);
            }
        }
    }
}
