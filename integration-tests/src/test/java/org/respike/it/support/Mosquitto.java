package org.respike.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto on a free 127.0.0.1 port, with a generated config: users {@code camera} (may write
 * respike/events/#) and {@code viewer} (may read respike/events/# and forbidden/#), password
 * {@link #PASSWORD}; sessions saved after every change, so a persistent subscriber's session survives a
 * kill; a second, TLS listener whose certificate (for IP 127.0.0.1) a CA made here signed. Tests kill,
 * stop (SIGSTOP: a hung broker) and restart it.
 */
public final class Mosquitto implements AutoCloseable {

    public static final String PASSWORD = "secret";
    public static final String TOPIC = "respike/events/camera-3";
    public static final String FORBIDDEN_TOPIC = "forbidden/events";

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Writes the config into {@code dir}; the broker starts with {@link #start}. */
    public static Mosquitto configure(Path dir) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(dir, LoopbackPorts.free(), LoopbackPorts.free());
        Files.createDirectories(dir);
        Path passwd = dir.resolve("passwd");
        for (String user : new String[] {"camera", "viewer"}) {
            List<String> command = new ArrayList<>(List.of("mosquitto_passwd", "-b"));
            if (!Files.exists(passwd)) {
                command.add("-c");
            }
            command.addAll(List.of(passwd.toString(), user, PASSWORD));
            run(dir, command);
        }
        String key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(dir, List.of("bash", "-c", "openssl req -x509 " + key + " -keyout ca.key -out ca.crt -days 1 -subj /CN=test-ca"
                + " && openssl req " + key + " -keyout server.key -out server.csr -subj /CN=127.0.0.1"
                + " && openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1"
                + " -extfile san.ext -out server.crt"));
        Files.writeString(dir.resolve("acl"), """
                user camera
                topic write respike/events/#

                user viewer
                topic read respike/events/#
                topic read forbidden/#
                """);
        Files.writeString(dir.resolve("mosquitto.conf"), """
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                persistence true
                persistence_location %s/
                autosave_interval 1
                autosave_on_changes true
                max_queued_messages 10000
                user root

                listener %d 127.0.0.1
                cafile %4$s/ca.crt
                certfile %4$s/server.crt
                keyfile %4$s/server.key
                """.formatted(m.port, passwd, dir.resolve("acl"), dir, m.tlsPort));
        return m;
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String tlsAddress() {
        return "127.0.0.1:" + tlsPort;
    }

    /** The PEM certificate of the CA that signed the TLS listener's. */
    public String caFile() {
        return dir.resolve("ca.crt").toString();
    }

    public Mosquitto start() throws IOException, InterruptedException {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        LoopbackPorts.awaitListening(port, Duration.ofSeconds(10), process);
        return this;
    }

    /** SIGKILL, as a crashed broker host. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** SIGSTOP / SIGCONT: the broker accepts bytes into its socket buffers and answers nothing. */
    public void freeze(boolean frozen) throws IOException, InterruptedException {
        new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(process.pid())).inheritIO().start()
                .waitFor();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null && process.isAlive()) {
            freeze(false);
        }
        kill();
    }
}
