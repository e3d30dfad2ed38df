package org.respike.plugin.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stock GStreamer tools (gst-launch-1.0, gst-inspect-1.0) with the native loader of
 * {@code gstDir} on GST_PLUGIN_PATH, extra class path entries on RESPIKE_CLASSPATH, and a registry of
 * their own, as a user would run them. A tool that hangs fails the test with its stderr.
 */
public final class StockTools {

    /** How a tool run ended. */
    public record Result(int exit, String out, String err, long millis) {}

    private final Path gstDir;
    private final String classPath;
    private final Path registry;

    public StockTools(Path gstDir, String classPath, Path registry) {
        this.gstDir = gstDir.toAbsolutePath();
        this.classPath = classPath;
        this.registry = registry.toAbsolutePath();
    }

    public Path gstDir() {
        return gstDir;
    }

    public Result run(long timeoutSeconds, Map<String, String> extraEnv, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("GST_PLUGIN_PATH", gstDir.toString());
        env.put("RESPIKE_CLASSPATH", classPath);
        env.put("GST_REGISTRY", registry.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("GST_DEBUG");
        env.putAll(extraEnv);
        File out = File.createTempFile("respike-tool", ".out");
        File err = File.createTempFile("respike-tool", ".err");
        try {
            pb.redirectOutput(out).redirectError(err);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " hung for " + timeoutSeconds + " s; stderr:\n"
                        + Files.readString(err.toPath()));
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8), millis);
        } finally {
            out.delete();
            err.delete();
        }
    }
}
