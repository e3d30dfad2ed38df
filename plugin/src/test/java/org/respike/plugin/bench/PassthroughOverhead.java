package org.respike.plugin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Per-buffer overhead of the bare Java element glue (respiketestpass: JNA callback, buffer map, frame,
 * unmap) over GStreamer's identity at 320x240 RGB.
 *
 * <p>Run: {@code plugin/bench.sh} (results in plugin/target/bench/overhead.txt).
 */
public final class PassthroughOverhead {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/overhead.txt");
        ElementOverhead.Result result = ElementOverhead.measure("respiketestpass", 3000, 10, 2, 7);
        String report = String.join("\n",
                "# ReSpike plugin: per-buffer overhead of a Java passthrough element over identity",
                "date: " + Instant.now(),
                "jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                "cpus: " + Runtime.getRuntime().availableProcessors(),
                result.describe(), "");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
        System.out.println("written to " + out.toAbsolutePath());
    }
}
