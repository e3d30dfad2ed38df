package org.respike.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The loopback RTSP server of src/test/c, built with gcc on first use; serves one launch line at
 * rtsp://127.0.0.1:PORT/test. Tests kill and restart it to check that clients reconnect.
 */
public final class RtspTestServer implements AutoCloseable {

    private static Path binary;

    private final int port;
    private final String launch;
    private Process process;

    public RtspTestServer(int port, String launch) {
        this.port = port;
        this.launch = launch;
    }

    /** A live H.264 test pattern at 8 fps, {@code frames} long (0: endless). */
    public static String testPattern(int frames) {
        return "( videotestsrc is-live=true pattern=ball " + (frames > 0 ? "num-buffers=" + frames + " " : "")
                + "! video/x-raw,width=160,height=120,framerate=8/1 ! x264enc tune=zerolatency key-int-max=8 "
                + "! rtph264pay name=pay0 pt=96 )";
    }

    public String url() {
        return "rtsp://127.0.0.1:" + port + "/test";
    }

    public RtspTestServer start() throws IOException, InterruptedException {
        process = new ProcessBuilder(build().toString(), Integer.toString(port), launch)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready")) {
            process.destroyForcibly();
            throw new IOException("RTSP test server did not start on port " + port);
        }
        return this;
    }

    /** Kills the server the hard way, as a crashed camera would vanish. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static synchronized Path build() throws IOException, InterruptedException {
        if (binary != null) {
            return binary;
        }
        Path source = Repo.root().resolve("integration-tests/src/test/c/rtsp-test-server.c");
        Path out = Repo.root().resolve("integration-tests/target/rtsp-test-server");
        Files.createDirectories(out.getParent());
        Process gcc = new ProcessBuilder("bash", "-c", "gcc -O2 -o '" + out + "' '" + source + "' "
                + "$(pkg-config --cflags --libs gstreamer-rtsp-server-1.0 gstreamer-1.0)").inheritIO().start();
        if (gcc.waitFor() != 0) {
            throw new IOException("building " + source + " failed (needs libgstrtspserver-1.0-dev)");
        }
        binary = out;
        return binary;
    }
}
