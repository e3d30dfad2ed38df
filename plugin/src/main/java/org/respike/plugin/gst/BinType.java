package org.respike.plugin.gst;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.respike.elements.spi.BinDefinition;
import org.respike.elements.spi.BinDefinition.BinHost;
import org.respike.elements.spi.BinDefinition.BinLogic;
import org.respike.elements.spi.ElementHost.LogLevel;
import org.respike.elements.spi.PropertySpec;

/**
  * The GType of one {@link BinDefinition}: a GstBin subclass whose instance init parses the children (as an
  * inner bin), ghosts its sink and src pads and routes the bin's properties through {@link BinLogic}.
  */
final class BinType extends ElementType<BinType.Instance> {
    private final BinDefinition definition;
    /** Property ids 1..n: the bin's own, then those of each forwarded child. */
    private final List<Slot> properties;

    private volatile Function parentChangeState;
    // Strong reference for the life of the process (this object is registered forever).
    private final Callbacks.ChangeState changeState = this::changeState;

    /** One property of the bin: its own (forwarded null) or a child's, exposed as it is. */
    private record Slot(PropertySpec spec, BinDefinition.ForwardedChild forwarded) {}

    BinType(BinDefinition definition) {
        super(definition.factoryName(), definition.metadata(), GstApi.gst_bin_get_type(), Layout.BIN_CLASS_SIZE,
                Layout.BIN_SIZE);
        this.definition = definition;
        List<Slot> slots = new ArrayList<>();
        definition.properties().forEach(spec -> slots.add(new Slot(spec, null)));
        for (BinDefinition.ForwardedChild forwarded : definition.forwarded()) {
            forwarded.definition().properties().forEach(spec -> slots.add(new Slot(spec, forwarded)));
        }
        this.properties = List.copyOf(slots);
    }

    @Override
    int propertyCount() {
        return properties.size();
    }

    @Override
    void initClass(Pointer klass, Pointer parent) {
        parentChangeState = Function.getFunction(parent.getPointer(Layout.ELEMENT_CLASS_CHANGE_STATE));
        klass.setPointer(Layout.ELEMENT_CLASS_CHANGE_STATE, Callbacks.pointer(changeState));
        ParamSpecs.install(klass, factoryName, definition.properties(), 1);
        int id = definition.properties().size() + 1;
        for (BinDefinition.ForwardedChild forwarded : definition.forwarded()) {
            List<PropertySpec> specs = forwarded.definition().properties();
            ParamSpecs.install(klass, forwarded.definition().factoryName(), specs, id);
            id += specs.size();
        }
        addPadTemplates(klass, "ANY");
    }

    /** A bin whose children fail to build still exists (without logic), so that its properties read defaults. */
    @Override
    Instance createInstance(Pointer bin) {
        Instance state = new Instance(bin);
        try {
            state.build();
        } catch (Throwable t) {
            String message = factoryName + ": building the children '" + definition.children() + "' failed: "
                    + ElementErrors.describe(t);
            if (debug() != null) {
                debug().log(LogLevel.ERROR, bin, message);
            }
            System.err.println("respike: " + message);
        }
        return state;
    }

    @Override
    void closeInstance(Instance state) {}

    /** Tells the logic of READY to PAUSED before GstBin starts the children, and of PAUSED to READY after. */
    private int changeState(Pointer bin, int transition) {
        Instance state = instances.get(bin);
        BinLogic logic = state == null ? null : state.logic;
        if (logic != null && transition == Layout.STATE_CHANGE_READY_TO_PAUSED) {
            try {
                logic.starting(objectName(bin));
            } catch (Throwable t) {
                warn(bin, factoryName + " failed to start: " + ElementErrors.describe(t), t);
            }
        }
        int result = parentChangeState.invokeInt(new Object[] {bin, transition});
        if (logic != null && transition == Layout.STATE_CHANGE_PAUSED_TO_READY) {
            try {
                logic.stopped();
            } catch (Throwable t) {
                warn(bin, factoryName + " failed to stop: " + ElementErrors.describe(t), t);
            }
        }
        return result;
    }

    @Override
    void setProperty(Instance state, Pointer object, int id, Pointer value) {
        if (state == null || state.logic == null) {
            return;
        }
        Slot slot = properties.get(id - 1);
        try {
            if (slot.forwarded() != null) {
                // The same GValue type on both sides: the child checks and applies it as if set on it directly.
                state.withChild(slot.forwarded().child(), slot.spec().name(), child -> {
                    GObjectApi.g_object_set_property(child, slot.spec().name(), value);
                    return null;
                });
            } else {
                state.logic.setProperty(slot.spec().name(), GValues.readProperty(value, slot.spec()));
            }
        } catch (Throwable t) {
            warn(object, "setting " + slot.spec().name() + " failed: " + ElementErrors.describe(t), t);
        }
    }

    @Override
    void getProperty(Instance state, Pointer object, int id, Pointer value) {
        Slot slot = properties.get(id - 1);
        try {
            if (state != null && state.logic != null && slot.forwarded() != null) {
                state.withChild(slot.forwarded().child(), slot.spec().name(), child -> {
                    GObjectApi.g_object_get_property(child, slot.spec().name(), value);
                    return null;
                });
                return;
            }
            Object v = state == null || state.logic == null ? null : state.logic.getProperty(slot.spec().name());
            GValues.writeProperty(value, slot.spec(), v);
        } catch (Throwable t) {
            warn(object, "reading " + slot.spec().name() + " failed: " + ElementErrors.describe(t), t);
            GValues.writeProperty(value, slot.spec(), null);
        }
    }

    /** A warning on the bus (dropped while the bin has no parent) and in the debug log. */
    private void warn(Pointer bin, String message, Throwable cause) {
        if (debug() != null) {
            debug().log(LogLevel.WARNING, bin, cause == null ? message : ElementErrors.stackTrace(cause));
        }
        ElementErrors.warning(bin, message, cause);
    }

    /** One bin instance: its inner bin of children and its logic. */
    final class Instance implements BinHost {
        private final Pointer bin;
        private volatile BinLogic logic;

        Instance(Pointer bin) {
            this.bin = bin;
        }

        void build() {
            Memory error = new Memory(Native.POINTER_SIZE);
            error.setPointer(0, null);
            Pointer children = GstApi.gst_parse_bin_from_description(definition.children(), 1, error);
            String problem = CStrings.takeError(error);
            if (children == null) {
                throw new IllegalArgumentException(problem);
            }
            GstApi.gst_object_set_name(children, "children");
            GstApi.gst_bin_add(bin, children);
            ghost(children, "sink");
            ghost(children, "src");
            logic = definition.create(this);
        }

        private void ghost(Pointer children, String name) {
            Pointer target = GstApi.gst_element_get_static_pad(children, name);
            if (target == null) {
                throw new IllegalArgumentException("the children have no unlinked " + name + " pad");
            }
            try {
                GstApi.gst_element_add_pad(bin, GstApi.gst_ghost_pad_new(name, target));
            } finally {
                GstApi.gst_object_unref(target);
            }
        }

        private <T> T withChild(String child, String property, java.util.function.Function<Pointer, T> action) {
            Pointer element = GstApi.gst_bin_get_by_name(bin, child);
            if (element == null) {
                throw new IllegalArgumentException(factoryName + " has no child named " + child);
            }
            try {
                if (GObjectApi.g_object_class_find_property(element.getPointer(0), property) == null) {
                    throw new IllegalArgumentException(child + " has no property " + property);
                }
                return action.apply(element);
            } finally {
                GstApi.gst_object_unref(element);
            }
        }

        @Override
        public void setChildProperty(String child, String property, Object value) {
            String text = value instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(value);
            withChild(child, property, element -> {
                // Parsed like a launch-string value: works for any property type (enums, caps, numbers, strings).
                GstApi.gst_util_set_object_arg(element, property, text);
                return null;
            });
        }

        @Override
        public Object getChildProperty(String child, String property) {
            return withChild(child, property, element -> {
                Pointer pspec = GObjectApi.g_object_class_find_property(element.getPointer(0), property);
                Memory value = GValues.allocate();
                GObjectApi.g_value_init(value, pspec.getLong(Layout.PARAM_SPEC_VALUE_TYPE));
                try {
                    GObjectApi.g_object_get_property(element, property, value);
                    return GValues.get(value);
                } finally {
                    GObjectApi.g_value_unset(value);
                }
            });
        }
    }
}
