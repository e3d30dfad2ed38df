package org.respike.it.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code respike} command run as a user runs it: the script of the checkout, from a directory of choice. */
public final class Cli {

    /** How a run ended. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private Cli() {}

    public static Result run(Path dir, long timeoutSeconds, Map<String, String> env, String... args) throws Exception {
        Process p = start(dir, env, args);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("respike " + String.join(" ", args) + " hung for " + timeoutSeconds + " s");
        }
        return result(p);
    }

    /** Starts the command; stdout and stderr go to files read by {@link #result}. */
    public static Process start(Path dir, Map<String, String> env, String... args) throws Exception {
        // SIGINT as at a terminal, even when this JVM runs as a background job (which ignores it).
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Repo.root().resolve("respike").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("respike-cli", ".out");
        Path err = Files.createTempFile("respike-cli", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("RESPIKE_SKIP_BUILD", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        OUTPUTS.put(p, new Path[] {out, err});
        return p;
    }

    private static final Map<Process, Path[]> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

    public static Result result(Process p) throws Exception {
        Path[] files = OUTPUTS.remove(p);
        try {
            return new Result(p.exitValue(), Files.readString(files[0], StandardCharsets.UTF_8),
                    Files.readString(files[1], StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(files[0]);
            Files.deleteIfExists(files[1]);
        }
    }
}
