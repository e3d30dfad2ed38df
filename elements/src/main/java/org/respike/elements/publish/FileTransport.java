package org.respike.elements.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one event per line to a file, or writes it to standard output for "-". */
final class FileTransport implements Transport {

    private final String target;
    private OutputStream out;

    FileTransport(PublisherSettings settings) {
        this.target = settings.address();
    }

    @Override
    public void connect() throws IOException {
        if (out != null) {
            return;
        }
        if (target.equals("-")) {
            out = System.out;
            return;
        }
        Path path = Path.of(target).toAbsolutePath();
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void send(String key, byte[] payload) throws IOException {
        try {
            out.write(payload);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (out != null && out != System.out) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is being given up; the next connect reopens it
            }
        }
        out = null;
    }
}
