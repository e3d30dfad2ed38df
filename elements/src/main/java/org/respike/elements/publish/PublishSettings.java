package org.respike.elements.publish;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.respike.elements.events.ClassPolicy;
import org.respike.elements.events.EventPolicy;
import org.respike.elements.spi.PropertyValues;

/** What respikepublish reads from its properties when it starts: where events go and when they start and end. */
record PublishSettings(PublisherSettings publisher, EventPolicy policy) {

    static PublishSettings from(PropertyValues props) {
        PublishMethod method = PublishMethod.of(props.string("method"));
        String address = props.string("address");
        String topic = props.string("topic");
        PublisherSettings publisher = PublisherSettings.of(method, address.isEmpty() ? defaultAddress(method) : address,
                        topic.isEmpty() ? defaultTopic(method) : topic)
                .withQos(props.integer("qos"))
                .withQueueCapacity(props.integer("queue-size"))
                .withCredentials(orNull(props.string("username")), orNull(props.string("password")));
        if (!props.string("client-id").isEmpty()) {
            publisher = publisher.withClientId(props.string("client-id"));
        }
        if (props.bool("tls") || !props.string("ca-file").isEmpty()) {
            publisher = publisher.withTls(orNull(props.string("ca-file")));
        }
        publisher = publisher.withTimeouts(publisher.sendTimeout(), seconds(props.real("close-timeout")));
        ClassPolicy defaults = new ClassPolicy(props.real("on-score"), props.real("off-score"),
                seconds(props.real("min-duration")), seconds(props.real("hold-time")), false);
        Set<String> ignored = Arrays.stream(props.string("ignore").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        EventPolicy policy = new EventPolicy(defaults, Map.of(), ignored, seconds(props.real("update-interval")))
                .withClasses(props.string("classes"));
        return new PublishSettings(publisher, policy);
    }

    private static String defaultAddress(PublishMethod method) {
        return switch (method) {
            case FILE -> "-";
            case MQTT -> "127.0.0.1:1883";
            case KAFKA -> "127.0.0.1:9092";
        };
    }

    private static String defaultTopic(PublishMethod method) {
        return switch (method) {
            case FILE -> null;
            case MQTT -> "respike/events";
            case KAFKA -> "respike-events";
        };
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
