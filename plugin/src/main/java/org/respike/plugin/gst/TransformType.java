package org.respike.plugin.gst;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.List;
import org.respike.elements.spi.ElementDefinition;
import org.respike.elements.spi.PropertySpec;
import org.respike.plugin.gst.ElementErrors.Domain;

/**
  * The GType of one {@link ElementDefinition}: a GstBaseTransform subclass working in place. class_init wires
  * the vfuncs to the callbacks below; each callback finds the instance's Java state by address, catches
  * every Throwable and turns it into a bus message and a flow error / failed state change.
  */
final class TransformType extends ElementType<TransformInstance> {
    final ElementDefinition definition;
    final List<PropertySpec> properties;
    private volatile Function parentSinkEvent;

    // Strong references for the life of the process (this object is registered forever).
    private final Callbacks.BooleanFunc start = this::start;
    private final Callbacks.BooleanFunc stop = this::stop;
    private final Callbacks.SetCaps setCaps = this::setCaps;
    private final Callbacks.ObjectFunc sinkEvent = this::sinkEvent;
    private final Callbacks.ObjectFunc transformIp = this::transformIp;

    TransformType(ElementDefinition definition) {
        super(definition.factoryName(), definition.metadata(), GstBaseApi.gst_base_transform_get_type(),
                Layout.BASE_TRANSFORM_CLASS_SIZE, Layout.BASE_TRANSFORM_SIZE);
        this.definition = definition;
        this.properties = List.copyOf(definition.properties());
    }

    @Override
    int propertyCount() {
        return properties.size();
    }

    @Override
    void initClass(Pointer klass, Pointer parent) {
        parentSinkEvent = Function.getFunction(parent.getPointer(Layout.BT_SINK_EVENT));
        ParamSpecs.install(klass, factoryName, properties, 1);
        addPadTemplates(klass, definition.caps());

        // In place, never passthrough: read-only elements map the buffer read-only (no pixel copy) and may still
        // attach metas; base transform hands over the same buffer when it is writable.
        klass.setInt(Layout.BT_PASSTHROUGH_ON_SAME_CAPS, 0);
        klass.setInt(Layout.BT_TRANSFORM_IP_ON_PASSTHROUGH, 1);
        klass.setPointer(Layout.BT_START, Callbacks.pointer(start));
        klass.setPointer(Layout.BT_STOP, Callbacks.pointer(stop));
        klass.setPointer(Layout.BT_SET_CAPS, Callbacks.pointer(setCaps));
        klass.setPointer(Layout.BT_SINK_EVENT, Callbacks.pointer(sinkEvent));
        klass.setPointer(Layout.BT_TRANSFORM_IP, Callbacks.pointer(transformIp));
    }

    @Override
    TransformInstance createInstance(Pointer instance) {
        TransformInstance state = new TransformInstance(this, instance);
        state.create();
        return state;
    }

    @Override
    void closeInstance(TransformInstance state) {
        state.close();
    }

    @Override
    void setProperty(TransformInstance state, Pointer object, int id, Pointer value) {
        if (state == null) {
            return;
        }
        PropertySpec spec = properties.get(id - 1);
        try {
            state.setProperty(spec, GValues.readProperty(value, spec));
        } catch (Throwable t) {
            state.warn("setting " + spec.name() + " failed: " + ElementErrors.describe(t), t);
        }
    }

    @Override
    void getProperty(TransformInstance state, Pointer object, int id, Pointer value) {
        PropertySpec spec = properties.get(id - 1);
        Object v = null;
        try {
            v = state == null ? null : state.getProperty(spec);
        } catch (Throwable t) {
            state.warn("reading " + spec.name() + " failed: " + ElementErrors.describe(t), t);
        }
        GValues.writeProperty(value, spec, v);
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
}
