package org.respike.elements.publish;

import java.util.List;
import org.respike.elements.events.ClassPolicy;
import org.respike.elements.events.EventPolicy;
import org.respike.elements.spi.BasicElementDefinition;
import org.respike.elements.spi.ElementMetadata;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.PropertySpec.Choice;

/** respikepublish: turns respikeinfer's results into surveillance events and publishes them. */
public final class PublishElementDefinition extends BasicElementDefinition {

    /** Caps: any raw video; the element only reads the buffers' respike-action metas. */
    static final String CAPS = "video/x-raw";

    private static final ClassPolicy DEFAULTS = EventPolicy.DEFAULT_CLASS;

    static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.choice("method", "Method", "Where events go", "file", List.of(
                    new Choice("file", "JSON lines appended to a file ('address' is its path, '-' = standard output)"),
                    new Choice("mqtt", "MQTT v5 broker (Eclipse Paho)"),
                    new Choice("kafka", "Kafka cluster (idempotent producer, acks=all, key = stream id)")))
                    .readAtStartOnly(),
            PropertySpec.string("address", "Address",
                    "file: path or '-'; mqtt: host[:port]; kafka: host:port[,host:port...] (bootstrap servers); "
                            + "empty = '-', 127.0.0.1:1883 or 127.0.0.1:9092", "").readAtStartOnly(),
            PropertySpec.string("topic", "Topic",
                    "MQTT topic or Kafka topic; empty = respike/events (mqtt) or respike-events (kafka)", "")
                    .readAtStartOnly(),
            PropertySpec.string("client-id", "Client id", "MQTT client id or Kafka client.id; empty = a random one", "")
                    .readAtStartOnly(),
            PropertySpec.integer("qos", "QoS", "MQTT quality of service (0: nothing is acknowledged)", 1, 0, 2)
                    .readAtStartOnly(),
            PropertySpec.bool("tls", "TLS", "Connect with TLS", false).readAtStartOnly(),
            PropertySpec.string("ca-file", "CA file",
                    "PEM certificates trusted instead of the JVM's (implies tls); empty = the JVM's", "")
                    .readAtStartOnly(),
            PropertySpec.string("username", "User name", "MQTT user or Kafka SASL/PLAIN user; empty = none", "")
                    .readAtStartOnly(),
            PropertySpec.string("password", "Password", "Password of 'username'", "").readAtStartOnly(),
            PropertySpec.integer("queue-size", "Queue size",
                    "Events kept while the sink is slow or away; beyond it the oldest are dropped (counted, warned)",
                    PublisherSettings.DEFAULT_QUEUE_CAPACITY, 1, 1_000_000).readAtStartOnly(),
            PropertySpec.real("close-timeout", "Close timeout",
                    "Seconds to deliver what is queued at EOS or stop before counting it unsent", 5.0, 0.0, 3600.0)
                    .readAtStartOnly(),
            PropertySpec.real("on-score", "On score", "An event starts when its class scores at least this",
                    DEFAULTS.onScore(), 0.0, 1.0).readAtStartOnly(),
            PropertySpec.real("off-score", "Off score",
                    "An event ends when its class has scored below this for 'hold-time' (at most 'on-score')",
                    DEFAULTS.offScore(), 0.0, 1.0).readAtStartOnly(),
            PropertySpec.real("min-duration", "Minimum duration",
                    "Seconds of clip ends the score must hold at 'on-score' before the event starts",
                    DEFAULTS.minDuration().toMillis() / 1e3, 0.0, 3600.0)
                    .readAtStartOnly(),
            PropertySpec.real("hold-time", "Hold time",
                    "Seconds below 'off-score' (or of a track unseen) that end an event",
                    DEFAULTS.holdTime().toMillis() / 1e3, 0.0, 3600.0)
                    .readAtStartOnly(),
            PropertySpec.real("update-interval", "Update interval",
                    "Seconds between update messages of an open event; 0 = start and end only", 10.0, 0.0, 86400.0)
                    .readAtStartOnly(),
            PropertySpec.string("classes", "Per-class settings",
                    "CLASS:key=value,... entries separated by ';' ('*' = every class), keys on, off, min, hold "
                            + "(seconds), alert (true|false), e.g. 'fall:min=0,alert=true'", "").readAtStartOnly(),
            PropertySpec.string("ignore", "Ignored classes", "Comma-separated classes that make no events", "idle")
                    .readAtStartOnly());

    public PublishElementDefinition() {
        super("respikepublish", new ElementMetadata("ReSpike event publisher", "Filter/Network/Video",
                        "Turns the respike-action metas of respikeinfer into events (start, update, end per stream, "
                                + "track and class; schema respike-event/1, see docs/events-schema.md), posts each as a "
                                + "'respike-event' element message and publishes it to a JSON-lines file, an MQTT broker "
                                + "or Kafka from a thread of its own: video never waits for the network (a bounded queue "
                                + "drops its oldest event when the sink is away, with a warning). At EOS open events end "
                                + "and the queue is delivered within close-timeout; a 'respike-publish-stats' message "
                                + "then counts what was published, delivered and dropped. Example: gst-launch-1.0 -m "
                                + "filesrc location=clip.mp4 ! decodebin ! respikebin ! respikepublish method=mqtt "
                                + "address=127.0.0.1:1883 topic=respike/events ! fakesink",
                        "ReSpike for GStreamer"),
                PROPERTIES, CAPS, true, PublishElement::new);
    }
}
