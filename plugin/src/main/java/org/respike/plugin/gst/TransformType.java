package org.respike.plugin.gst;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.respike.elements.spi.ElementDefinition;
import org.respike.elements.spi.PropertySpec;
import org.respike.plugin.gst.ElementErrors.Domain;

/**
  * The GType of one {@link ElementDefinition}: a GstBaseTransform subclass working in place. class_init wires
  * the vfuncs to the callbacks below; each callback finds the instance's Java state by address, catches
  * every Throwable and turns it into a bus message and a flow error / failed state change.
  */
final class TransformType {
    private static final Map<String, TransformType> BY_NAME = new ConcurrentHashMap<>();

    final ElementDefinition definition;
    final List<PropertySpec> properties;
    final String factoryName;
    private final String typeName;
    private final Instances<TransformInstance> instances = new Instances<>();
    private long gtype;
    private volatile DebugCategory debug;
    private volatile Function parentFinalize;
    private volatile Function parentSinkEvent;

    // Strong references for the life of the process (this object lives in BY_NAME forever).
    private final Callbacks.ClassInit classInit = this::classInit;
    private final Callbacks.InstanceInit instanceInit = this::instanceInit;
    private final Callbacks.PropertyFunc setProperty = this::setProperty;
    private final Callbacks.PropertyFunc getProperty = this::getProperty;
    private final Callbacks.Finalize finalizer = this::finalizeInstance;
    private final Callbacks.BooleanFunc start = this::start;
    private final Callbacks.BooleanFunc stop = this::stop;
    private final Callbacks.SetCaps setCaps = this::setCaps;
    private final Callbacks.ObjectFunc sinkEvent = this::sinkEvent;
    private final Callbacks.ObjectFunc transformIp = this::transformIp;

    private TransformType(ElementDefinition definition) {
        this.definition = definition;
        this.factoryName = definition.factoryName();
        this.properties = List.copyOf(definition.properties());
        this.typeName = ElementTypes.typeName(factoryName);
    }

    /** Registers the factory on {@code plugin}; the GType is created once per process. */
    static void register(Pointer plugin, ElementDefinition definition) {
        TransformType type = BY_NAME.computeIfAbsent(definition.factoryName(), n -> new TransformType(definition));
        type.ensureGType();
        if (GstApi.gst_element_register(plugin, type.factoryName, Layout.RANK_NONE, type.gtype) == 0) {
            throw new IllegalStateException("gst_element_register failed for " + type.factoryName);
        }
    }

    private synchronized void ensureGType() {
        if (gtype != 0) {
            return;
        }
        long existing = GObjectApi.g_type_from_name(typeName);
        if (existing != 0) {
            throw new IllegalStateException("GType " + typeName + " exists but was not registered by this glue");
        }
        gtype = GObjectApi.g_type_register_static_simple(GstBaseApi.gst_base_transform_get_type(), typeName,
                Layout.BASE_TRANSFORM_CLASS_SIZE, Callbacks.keep(classInit), Layout.BASE_TRANSFORM_SIZE,
                Callbacks.keep(instanceInit), 0);
        if (gtype == 0) {
            throw new IllegalStateException("g_type_register_static_simple failed for " + typeName);
        }
    }

    DebugCategory debug() {
        return debug;
    }

    // --- GObject class and instance ---

    private void classInit(Pointer klass, Pointer data) {
        try {
            Pointer parent = GObjectApi.g_type_class_peek_parent(klass);
            parentFinalize = Function.getFunction(parent.getPointer(Layout.OBJECT_CLASS_FINALIZE));
            parentSinkEvent = Function.getFunction(parent.getPointer(Layout.BT_SINK_EVENT));
            debug = new DebugCategory(factoryName, definition.metadata().longName());

            // set/get_property before installing properties: GLib checks them on install.
            klass.setPointer(Layout.OBJECT_CLASS_SET_PROPERTY, Callbacks.pointer(setProperty));
            klass.setPointer(Layout.OBJECT_CLASS_GET_PROPERTY, Callbacks.pointer(getProperty));
            klass.setPointer(Layout.OBJECT_CLASS_FINALIZE, Callbacks.pointer(finalizer));
            ParamSpecs.install(klass, properties);
            ElementTypes.setMetadata(klass, definition.metadata());
            ElementTypes.addPadTemplates(klass, definition.caps());

            // In place, never passthrough: read-only elements map the buffer read-only (no pixel copy) and may still
            // attach metas; base transform hands over the same buffer when it is writable.
            klass.setInt(Layout.BT_PASSTHROUGH_ON_SAME_CAPS, 0);
            klass.setInt(Layout.BT_TRANSFORM_IP_ON_PASSTHROUGH, 1);
            klass.setPointer(Layout.BT_START, Callbacks.pointer(start));
            klass.setPointer(Layout.BT_STOP, Callbacks.pointer(stop));
            klass.setPointer(Layout.BT_SET_CAPS, Callbacks.pointer(setCaps));
            klass.setPointer(Layout.BT_SINK_EVENT, Callbacks.pointer(sinkEvent));
            klass.setPointer(Layout.BT_TRANSFORM_IP, Callbacks.pointer(transformIp));
        } catch (Throwable t) {
            System.err.println("respike: class_init of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        }
    }

    private void instanceInit(Pointer instance, Pointer klass) {
        try {
            TransformInstance state = new TransformInstance(this, instance);
            instances.put(instance, state);
            state.create();
        } catch (Throwable t) {
            System.err.println("respike: instance_init of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        }
    }

    private void finalizeInstance(Pointer object) {
        try {
            TransformInstance state = instances.remove(object);
            if (state != null) {
                state.close();
            }
        } catch (Throwable t) {
            System.err.println("respike: finalize of " + factoryName + " failed: " + ElementErrors.stackTrace(t));
        } finally {
            parentFinalize.invoke(Void.class, new Object[] {object});
        }
    }

    private void setProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        TransformInstance state = instances.get(object);
        if (state == null || id < 1 || id > properties.size()) {
            return;
        }
        PropertySpec spec = properties.get(id - 1);
        try {
            Object v = GValues.readProperty(value, spec);
            String problem = ParamSpecs.problem(spec, v);
            if (problem != null) {
                state.warn(problem, null);
                return;
            }
            state.setProperty(spec, v);
        } catch (Throwable t) {
            state.warn("setting " + spec.name() + " failed: " + ElementErrors.describe(t), t);
        }
    }

    private void getProperty(Pointer object, int id, Pointer value, Pointer pspec) {
        TransformInstance state = instances.get(object);
        if (id < 1 || id > properties.size()) {
            return;
        }
        PropertySpec spec = properties.get(id - 1);
        Object v = null;
        try {
            v = state == null ? null : state.getProperty(spec);
            GValues.writeProperty(value, spec, v);
        } catch (Throwable t) {
            if (state != null) {
                state.warn("reading " + spec.name() + " failed: " + ElementErrors.describe(t), t);
            }
            GValues.writeProperty(value, spec, null);
        }
    }

    // --- GstBaseTransform vfuncs ---

    private int start(Pointer trans) {
        TransformInstance state = instances.get(trans);
        try {
            state.start();
            return 1;
        } catch (Throwable t) {
            ElementErrors.error(trans, Domain.RESOURCE, Layout.RESOURCE_ERROR_FAILED,
                    who(trans) + " failed to start: " + ElementErrors.describe(t), t);
            return 0;
        }
    }

    private int stop(Pointer trans) {
        TransformInstance state = instances.get(trans);
        try {
            state.stop();
        } catch (Throwable t) {
            ElementErrors.warning(trans, factoryName + " failed to stop: " + ElementErrors.describe(t), t);
        }
        return 1;
    }

    private int setCaps(Pointer trans, Pointer incaps, Pointer outcaps) {
        TransformInstance state = instances.get(trans);
        try {
            state.setFormat(VideoFormats.fromCaps(incaps));
            return 1;
        } catch (Throwable t) {
            ElementErrors.error(trans, Domain.STREAM, Layout.STREAM_ERROR_FORMAT,
                    factoryName + " rejected the format: " + ElementErrors.describe(t), t);
            return 0;
        }
    }

    private int sinkEvent(Pointer trans, Pointer event) {
        try {
            int type = event.getInt(Layout.EVENT_TYPE);
            if (type == Layout.EVENT_FLUSH_STOP) {
                instances.get(trans).flush();
            } else if (type == Layout.EVENT_EOS) {
                instances.get(trans).eos();
            }
        } catch (Throwable t) {
            ElementErrors.error(trans, Domain.STREAM, Layout.STREAM_ERROR_FAILED,
                    who(trans) + " failed on an event: " + ElementErrors.describe(t), t);
        }
        // The parent forwards (or drops) the event and owns it from here.
        return parentSinkEvent.invokeInt(new Object[] {trans, event});
    }

    private int transformIp(Pointer trans, Pointer buffer) {
        TransformInstance state = instances.get(trans);
        try {
            state.process(trans, buffer);
            return Layout.FLOW_OK;
        } catch (Throwable t) {
            ElementErrors.error(trans, Domain.STREAM, Layout.STREAM_ERROR_FAILED,
                    who(trans) + " failed to process a buffer: " + ElementErrors.describe(t), t);
            return Layout.FLOW_ERROR;
        }
    }

    /**
     * The element as the user knows it: "respikeinfer", or "respikeinfer of cam7" inside the bin the user
     * named cam7 (sixteen bins report their errors from sixteen children all named "infer").
     */
    private String who(Pointer trans) {
        TransformInstance state = instances.get(trans);
        String name = state == null ? null : state.name();
        return name == null || name.equals(ElementTypes.objectName(trans)) ? factoryName : factoryName + " of " + name;
    }

    int liveInstances() {
        return instances.size();
    }
}
