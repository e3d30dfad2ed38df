package org.respike.elements.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
  * The current values of an element instance's properties, starting at the specs' defaults: the one
  * Java copy, kept by the glue and read by the element. Values are checked here too (GLib checks them
  * first in a pipeline), so element logic behaves the same whether the glue or a unit test sets them.
  */
public final class PropertyValues {

    private final Map<String, PropertySpec> specs = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    public PropertyValues(List<PropertySpec> specs) {
        for (PropertySpec spec : specs) {
            this.specs.put(spec.name(), spec);
            values.put(spec.name(), spec.defaultValue());
        }
    }

    public synchronized void set(String name, Object value) {
        PropertySpec spec = spec(name);
        values.put(name, checked(spec, value));
    }

    public synchronized Object get(String name) {
        spec(name);
        return values.get(name);
    }

    public String string(String name) {
        Object v = get(name);
        return v == null ? "" : (String) v;
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public int integer(String name) {
        return ((Number) get(name)).intValue();
    }

    public double real(String name) {
        return ((Number) get(name)).doubleValue();
    }

    private PropertySpec spec(String name) {
        PropertySpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no property '" + name + "'; properties are " + specs.keySet());
        }
        return spec;
    }

    private static Object checked(PropertySpec spec, Object value) {
        switch (spec.type()) {
            case STRING -> {
                return value == null ? "" : value.toString();
            }
            case ENUM -> {
                String s = String.valueOf(value);
                if (!spec.nicks().contains(s)) {
                    throw new IllegalArgumentException(spec.name() + ": '" + s + "' is not one of " + spec.nicks());
                }
                return s;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException(spec.name() + ": expected a boolean, got " + value);
            }
            case INT, DOUBLE -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException(spec.name() + ": expected a number, got " + value);
                }
                double d = n.doubleValue();
                if (d < spec.min() || d > spec.max()) {
                    throw new IllegalArgumentException(
                            spec.name() + ": " + value + " is outside [" + fmt(spec.min()) + ", " + fmt(spec.max()) + "]");
                }
                return spec.type() == PropertySpec.Type.INT ? (Object) n.intValue() : (Object) d;
            }
            default -> throw new IllegalStateException("unhandled type " + spec.type());
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
