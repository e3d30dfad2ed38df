package org.respike.elements.publish;

import java.time.Duration;
import java.util.UUID;

/**
 * How to reach the event sink and how much to keep while it is away.
 *
 * @param address       file: a path ("-": standard output); mqtt: host[:port] (1883, 8883 with TLS);
 *                      kafka: host:port[,host:port...] (bootstrap servers)
 * @param topic         mqtt and kafka; unused for file
 * @param qos           mqtt only: 0, 1 or 2; at 0 nothing is acknowledged, so nothing is known delivered
 * @param tls           connect with TLS; {@code caFile} (PEM) replaces the JVM's trusted certificates when set
 * @param username      mqtt user, or kafka SASL/PLAIN user; null for none
 * @param queueCapacity events kept while the sink is slow or away; the oldest go first beyond it
 * @param sendTimeout   longest wait for one connect or acknowledgement
 * @param closeTimeout  longest wait at close to deliver what is queued
 * @param backoffMin    first wait after a failed connect or send, doubling up to {@code backoffMax}
 */
public record PublisherSettings(PublishMethod method, String address, String topic, String clientId, int qos,
                                boolean tls, String caFile, String username, String password, int queueCapacity,
                                Duration sendTimeout, Duration closeTimeout, Duration backoffMin,
                                Duration backoffMax) {

    public static final int DEFAULT_QUEUE_CAPACITY = 1000;

    public PublisherSettings {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is empty");
        }
        if (method != PublishMethod.FILE && (topic == null || topic.isBlank())) {
            throw new IllegalArgumentException(method.nick() + " needs a topic");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos " + qos + " is not 0, 1 or 2");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity " + queueCapacity + " below 1");
        }
        if (backoffMin.isNegative() || backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("backoff " + backoffMin + ".." + backoffMax + " is not a range");
        }
    }

    /** QoS 1, no TLS, no user, 1000 queued, 5 s timeouts, backoff 0.1..5 s, a random client id. */
    public static PublisherSettings of(PublishMethod method, String address, String topic) {
        return new PublisherSettings(method, address, topic, "respike-" + UUID.randomUUID().toString().substring(0, 8),
                1, false, null, null, null, DEFAULT_QUEUE_CAPACITY, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    public PublisherSettings withClientId(String id) {
        return new PublisherSettings(method, address, topic, id, qos, tls, caFile, username, password, queueCapacity,
                sendTimeout, closeTimeout, backoffMin, backoffMax);
    }

    public PublisherSettings withQos(int q) {
        return new PublisherSettings(method, address, topic, clientId, q, tls, caFile, username, password,
                queueCapacity, sendTimeout, closeTimeout, backoffMin, backoffMax);
    }

    public PublisherSettings withTls(String ca) {
        return new PublisherSettings(method, address, topic, clientId, qos, true, ca, username, password,
                queueCapacity, sendTimeout, closeTimeout, backoffMin, backoffMax);
    }

    public PublisherSettings withCredentials(String user, String pass) {
        return new PublisherSettings(method, address, topic, clientId, qos, tls, caFile, user, pass, queueCapacity,
                sendTimeout, closeTimeout, backoffMin, backoffMax);
    }

    public PublisherSettings withQueueCapacity(int capacity) {
        return new PublisherSettings(method, address, topic, clientId, qos, tls, caFile, username, password, capacity,
                sendTimeout, closeTimeout, backoffMin, backoffMax);
    }

    public PublisherSettings withTimeouts(Duration send, Duration close) {
        return new PublisherSettings(method, address, topic, clientId, qos, tls, caFile, username, password,
                queueCapacity, send, close, backoffMin, backoffMax);
    }

    public PublisherSettings withBackoff(Duration min, Duration max) {
        return new PublisherSettings(method, address, topic, clientId, qos, tls, caFile, username, password,
                queueCapacity, sendTimeout, closeTimeout, min, max);
    }

    /** The password is left out: settings end up in logs. */
    @Override
    public String toString() {
        return method.nick() + " " + address + (topic == null ? "" : " topic " + topic) + (tls ? " tls" : "")
                + (username == null ? "" : " user " + username);
    }
}
