package org.respike.elements.publish;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where events go: a JSON-lines file, an MQTT broker, or a Kafka cluster. */
public enum PublishMethod {
    FILE, MQTT, KAFKA;

    public String nick() {
        return name().toLowerCase();
    }

    public static PublishMethod of(String nick) {
        for (PublishMethod m : values()) {
            if (m.nick().equals(nick)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method '" + nick + "' is not one of "
                + Arrays.stream(values()).map(PublishMethod::nick).collect(Collectors.joining(", ")));
    }
}
