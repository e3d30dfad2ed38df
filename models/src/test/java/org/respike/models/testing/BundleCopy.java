package org.respike.models.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a bundle's manifest and graphs (not its golden vectors) so that a test can break the copy. */
public final class BundleCopy {
    private BundleCopy() {
    }

    public static Path of(Path bundle, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(bundle)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }
}
