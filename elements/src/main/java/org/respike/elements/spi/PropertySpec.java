package org.respike.elements.spi;

import java.util.List;
import java.util.Objects;

/**
  * One GObject property: installed in class_init so that launch strings can set it and gst-inspect-1.0
  * documents it. Choice properties are strings limited to {@link #choices()}.
  */
public record PropertySpec(
        String name, String nick, String blurb, Type type, Object defaultValue,
        double min, double max, List<String> choices) {

    public enum Type { STRING, BOOLEAN, INT, DOUBLE }

    public PropertySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static PropertySpec string(String name, String nick, String blurb, String defaultValue) {
        return new PropertySpec(name, nick, blurb, Type.STRING, defaultValue, 0, 0, List.of());
    }

    public static PropertySpec choice(String name, String nick, String blurb, String defaultValue, List<String> choices) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + choices);
        }
        return new PropertySpec(name, nick, blurb + " (one of: " + String.join(", ", choices) + ")",
                Type.STRING, defaultValue, 0, 0, choices);
    }

    public static PropertySpec bool(String name, String nick, String blurb, boolean defaultValue) {
        return new PropertySpec(name, nick, blurb, Type.BOOLEAN, defaultValue, 0, 0, List.of());
    }

    public static PropertySpec integer(String name, String nick, String blurb, int defaultValue, int min, int max) {
        return new PropertySpec(name, nick, blurb, Type.INT, defaultValue, min, max, List.of());
    }

    public static PropertySpec real(String name, String nick, String blurb, double defaultValue, double min, double max) {
        return new PropertySpec(name, nick, blurb, Type.DOUBLE, defaultValue, min, max, List.of());
    }
}
