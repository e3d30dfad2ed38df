package org.respike.pipelines.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.respike.elements.publish.EventsTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** respike events: what respikepublish sends, as it arrives on an MQTT or Kafka topic. */
@Command(name = "events", description = {
        "Prints the events (schema respike-event/1) arriving on an MQTT or Kafka topic, one JSON object a line,",
        "e.g. those respikepublish sends."})
final class EventsCommand implements Callable<Integer> {

    @Option(names = "--method", defaultValue = "mqtt", description = "mqtt or kafka (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--address", description = "MQTT host[:port] or Kafka bootstrap servers "
            + "(default: 127.0.0.1:1883 for mqtt, 127.0.0.1:9092 for kafka, as respikepublish).")
    String address;

    @Option(names = "--topic", description = "The topic (default: respike/events for mqtt, respike-events for kafka, "
            + "as respikepublish).")
    String topic;

    @Option(names = "--user", description = "MQTT user or Kafka SASL/PLAIN user.")
    String user;

    @Option(names = "--password", description = "The user's password.")
    String password;

    @Option(names = "--tls", description = "Connect with TLS.")
    boolean tls;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust these certificates instead of the JVM's "
            + "(implies --tls).")
    String caFile;

    @Option(names = "--from-beginning", description = "Kafka: start at the topic's beginning (an MQTT broker keeps "
            + "no history).")
    boolean fromBeginning;

    @Option(names = "--count", defaultValue = "-1", description = "Stop after this many events (-1: never).")
    long count;

    @Override
    public Integer call() {
        boolean kafka = "kafka".equals(method);
        List<String> args = new ArrayList<>(List.of("--method", method,
                "--address", address != null ? address : kafka ? "127.0.0.1:9092" : "127.0.0.1:1883",
                "--topic", topic != null ? topic : kafka ? "respike-events" : "respike/events"));
        add(args, "--user", user);
        add(args, "--password", password);
        add(args, "--ca-file", caFile);
        if (tls) {
            args.add("--tls");
        }
        if (fromBeginning) {
            args.add("--from-beginning");
        }
        if (count >= 0) {
            args.addAll(List.of("--count", Long.toString(count)));
        }
        return EventsTail.run(args.toArray(String[]::new), System.out, System.err);
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.addAll(List.of(option, value));
        }
    }
}
