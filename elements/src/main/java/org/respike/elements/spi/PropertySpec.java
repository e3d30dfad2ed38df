package org.respike.elements.spi;

import java.util.List;
import java.util.Objects;

/**
  * One GObject property: installed in class_init so that launch strings can set it and gst-inspect-1.0
  * documents it. A choice is a GEnum whose values are {@link #choices()}; its Java value is the chosen
  * nick. A property the element reads only when it starts is {@link #readAtStart()}: the glue flags it
  * changeable in NULL and READY only and refuses it, with a warning, in PAUSED and PLAYING; every other
  * property is read per frame and takes effect at once.
  */
public record PropertySpec(
        String name, String nick, String blurb, Type type, Object defaultValue,
        double min, double max, List<Choice> choices, boolean readAtStart) {

    public enum Type { STRING, BOOLEAN, INT, DOUBLE, ENUM }

    /** One value of a choice: the nick that launch strings use and a description for gst-inspect-1.0. */
    public record Choice(String nick, String description) {
        public Choice {
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(description, "description");
        }
    }

    public PropertySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static PropertySpec string(String name, String nick, String blurb, String defaultValue) {
        return new PropertySpec(name, nick, blurb, Type.STRING, defaultValue, 0, 0, List.of(), false);
    }

    public static PropertySpec choice(String name, String nick, String blurb, String defaultValue, List<Choice> choices) {
        if (choices.stream().noneMatch(c -> c.nick().equals(defaultValue))) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " is not one of " + nicks(choices));
        }
        return new PropertySpec(name, nick, blurb, Type.ENUM, defaultValue, 0, 0, choices, false);
    }

    public static PropertySpec bool(String name, String nick, String blurb, boolean defaultValue) {
        return new PropertySpec(name, nick, blurb, Type.BOOLEAN, defaultValue, 0, 0, List.of(), false);
    }

    public static PropertySpec integer(String name, String nick, String blurb, int defaultValue, int min, int max) {
        return new PropertySpec(name, nick, blurb, Type.INT, defaultValue, min, max, List.of(), false);
    }

    public static PropertySpec real(String name, String nick, String blurb, double defaultValue, double min, double max) {
        return new PropertySpec(name, nick, blurb, Type.DOUBLE, defaultValue, min, max, List.of(), false);
    }

    /** This property, read only when the element starts (changeable in NULL and READY only). */
    public PropertySpec readAtStartOnly() {
        return new PropertySpec(name, nick, blurb, type, defaultValue, min, max, choices, true);
    }

    /** The nicks of a choice, in GEnum value order. */
    public List<String> nicks() {
        return nicks(choices);
    }

    private static List<String> nicks(List<Choice> choices) {
        return choices.stream().map(Choice::nick).toList();
    }
}
