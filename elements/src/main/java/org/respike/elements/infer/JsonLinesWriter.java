package org.respike.elements.infer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one JSON object per line to a file, or to standard output for "-". Each line is written and
 * flushed whole under a lock, so several elements (cameras) may share one file.
 */
final class JsonLinesWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final boolean ownsStream;

    private JsonLinesWriter(OutputStream out, boolean ownsStream) {
        this.out = out;
        this.ownsStream = ownsStream;
    }

    /** Null when {@code target} is empty (no JSON output wanted). */
    static JsonLinesWriter open(String target) throws IOException {
        if (target == null || target.isEmpty()) {
            return null;
        }
        if (target.equals("-")) {
            return new JsonLinesWriter(System.out, false);
        }
        Path path = Path.of(target).toAbsolutePath();
        refuseSpecial(path);
        if (path.getParent() != null) {
            for (Path up = path.getParent(); up != null; up = up.getParent()) {
                if (Files.exists(up) && !Files.isDirectory(up)) {
                    throw new IOException("json-output " + target + ": " + up + " is a file, not a folder");
                }
            }
            Files.createDirectories(path.getParent());
        }
        return new JsonLinesWriter(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true);
    }

    /**
     * Opening a FIFO for writing blocks until a reader comes, which would hang the pipeline at start;
     * a directory cannot be appended to. Character devices (/dev/null, a terminal) are fine.
     */
    private static void refuseSpecial(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("json-output " + path + " is a directory; name a file in it");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            Object type = Files.readAttributes(path, "unix:mode").get("mode");
            int mode = type instanceof Integer m ? m : 0;
            if ((mode & 0170000) == 0010000) {
                throw new IOException("json-output " + path + " is a FIFO: opening it would block the pipeline until "
                        + "a reader connects; use json-output=- and a shell pipe");
            }
            if ((mode & 0170000) == 0140000) {
                throw new IOException("json-output " + path + " is a socket, not a file");
            }
        }
    }

    void write(Map<String, Object> fields) {
        try {
            byte[] line = (JSON.writeValueAsString(fields) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (JsonLinesWriter.class) {
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON lines", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (ownsStream) {
            out.close();
        }
    }
}
