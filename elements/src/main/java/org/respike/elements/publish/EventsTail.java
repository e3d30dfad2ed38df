package org.respike.elements.publish;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Reads the events on an MQTT or Kafka topic, one JSON object a line, so a user can watch them end to
 * end ({@code respike events}). Usage:
 * {@code EventsTail --method mqtt|kafka --address HOST:PORT --topic T [--user U --password P] [--tls]
 * [--ca-file PEM] [--from-beginning] [--count N]}.
 */
public final class EventsTail implements AutoCloseable {

    /** One subscription's client. */
    interface Source extends AutoCloseable {
        List<String> poll(Duration timeout) throws Exception;

        @Override
        void close();
    }

    private final Source source;

    private EventsTail(Source source) {
        this.source = source;
    }

    /**
     * Subscribes as {@code settings} say (method mqtt or kafka). Kafka starts at the topic's end, or its
     * beginning with {@code fromBeginning}; MQTT has no history and ignores it.
     */
    public static EventsTail open(PublisherSettings settings, boolean fromBeginning) throws Exception {
        String clientId = "respike-tail-" + UUID.randomUUID().toString().substring(0, 8);
        return new EventsTail(switch (settings.method()) {
            case MQTT -> new MqttSource(settings, clientId);
            case KAFKA -> new KafkaSource(settings, clientId, fromBeginning);
            case FILE -> throw new IllegalArgumentException("tail a file with tail -f " + settings.address());
        });
    }

    /** The messages that arrived, waiting at most {@code timeout} for the first. */
    public List<String> poll(Duration timeout) throws Exception {
        return source.poll(timeout);
    }

    @Override
    public void close() {
        source.close();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line, as main runs it; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PublishMethod method = null;
        String address = null;
        String topic = null;
        String user = null;
        String password = null;
        String caFile = null;
        boolean tls = false;
        boolean fromBeginning = false;
        long count = Long.MAX_VALUE;
        PublisherSettings settings;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--method" -> method = PublishMethod.of(value(args, ++i));
                    case "--address" -> address = value(args, ++i);
                    case "--topic" -> topic = value(args, ++i);
                    case "--user" -> user = value(args, ++i);
                    case "--password" -> password = value(args, ++i);
                    case "--ca-file" -> caFile = value(args, ++i);
                    case "--tls" -> tls = true;
                    case "--from-beginning" -> fromBeginning = true;
                    case "--count" -> count = Long.parseLong(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (method == null || address == null) {
                throw new IllegalArgumentException("--method and --address are required");
            }
            settings = PublisherSettings.of(method, address, topic).withCredentials(user, password);
            if (tls || caFile != null) {
                settings = settings.withTls(caFile);
            }
        } catch (IllegalArgumentException e) {
            err.println("events: " + e.getMessage());
            err.println("usage: events --method mqtt|kafka --address HOST:PORT --topic TOPIC [--user U --password P]"
                    + " [--tls] [--ca-file PEM] [--from-beginning] [--count N]");
            return 2;
        }
        try (EventsTail tail = open(settings, fromBeginning)) {
            for (long seen = 0; seen < count; ) {
                for (String line : tail.poll(Duration.ofSeconds(1))) {
                    if (seen++ < count) {
                        out.println(line);
                    }
                }
                out.flush();
            }
            return 0;
        } catch (Exception e) {
            err.println("events: " + settings + ": " + e);
            return 1;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
