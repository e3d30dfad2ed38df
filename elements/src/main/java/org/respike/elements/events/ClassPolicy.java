package org.respike.elements.events;

import java.time.Duration;

/**
 * When one class's event starts and ends. It starts once the class's score has stayed at or above
 * {@code onScore} in consecutive results whose clip ends span {@code minDuration} (zero: the first such
 * result starts it); it ends once the score has stayed below {@code offScore} for {@code holdTime} of
 * clip ends (zero: the first such result ends it), or the track has been unseen that long. {@code alert}
 * marks events an operator must act on (a fall), and goes out with them.
 */
public record ClassPolicy(double onScore, double offScore, Duration minDuration, Duration holdTime, boolean alert) {

    public ClassPolicy {
        if (!(onScore >= 0 && onScore <= 1) || !(offScore >= 0 && offScore <= 1)) {
            throw new IllegalArgumentException("scores must lie in [0, 1]: on=" + onScore + " off=" + offScore);
        }
        if (offScore > onScore) {
            throw new IllegalArgumentException("off score " + offScore + " above on score " + onScore);
        }
        if (minDuration.isNegative() || holdTime.isNegative()) {
            throw new IllegalArgumentException("min and hold must not be negative");
        }
    }

    /** This policy with {@code key=value} changed; keys: on, off, min, hold (seconds), alert (true|false). */
    public ClassPolicy with(String key, String value) {
        try {
            return switch (key) {
                case "on" -> new ClassPolicy(Double.parseDouble(value), offScore, minDuration, holdTime, alert);
                case "off" -> new ClassPolicy(onScore, Double.parseDouble(value), minDuration, holdTime, alert);
                case "min" -> new ClassPolicy(onScore, offScore, seconds(value), holdTime, alert);
                case "hold" -> new ClassPolicy(onScore, offScore, minDuration, seconds(value), alert);
                case "alert" -> new ClassPolicy(onScore, offScore, minDuration, holdTime, bool(value));
                default -> throw new IllegalArgumentException("unknown key '" + key + "' (on, off, min, hold, alert)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "=" + value + "' is not a number");
        }
    }

    private static Duration seconds(String value) {
        return Duration.ofNanos(Math.round(Double.parseDouble(value) * 1e9));
    }

    private static boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("alert must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
