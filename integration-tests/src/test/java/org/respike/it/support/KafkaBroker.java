package org.respike.it.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker in KRaft mode (broker and controller in one process) from the kafka_2.13 artifact
 * on the test classpath, in a JVM of its own so that tests can kill it as a crash would; listens on
 * two free 127.0.0.1 ports, keeps its log in a folder that survives restarts, creates topics on first
 * use with 2 partitions. A short broker session: after a kill the controller holds the broker's id until
 * the old session expires (9 s by default).
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String clusterId = Uuid.randomUuid().toString();
    private Process process;

    private KafkaBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static KafkaBroker configure(Path dir) throws IOException {
        int port = LoopbackPorts.free();
        int controller = LoopbackPorts.free();
        KafkaBroker b = new KafkaBroker(dir, port);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=2
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                broker.heartbeat.interval.ms=500
                broker.session.timeout.ms=2000
                """.formatted(port, controller, dir.resolve("log")));
        return b;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it answers a client (first start formats the log folder). */
    public KafkaBroker start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KafkaBroker.class.getName(),
                dir.resolve("server.properties").toString(), clusterId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        LoopbackPorts.awaitListening(port, Duration.ofSeconds(60), process);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address()))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        }
        return this;
    }

    /** SIGKILL: the broker's host died. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The broker process: {@code CONFIG CLUSTER_ID}. */
    public static void main(String[] args) throws Exception {
        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", args[1], "-c", args[0], "--ignore-formatted"}, new PrintStream(System.out));
        if (formatted != 0) {
            System.exit(formatted);
        }
        kafka.Kafka.main(new String[] {args[0]});
    }
}
