package org.respike.models.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way a file of a bundle is opened: it must be a regular file whose real path (symbolic links
 * resolved) lies inside the bundle's real folder, and no bigger than a limit. A link to /etc/passwd or
 * /dev/zero, a FIFO or a device is refused before it is opened, so nothing outside the folder is read
 * through a bundle and no read can block or fill the heap.
 */
public final class BundleFile {

    /** A manifest is a few kilobytes; anything above this is not one. */
    public static final long MAX_MANIFEST_BYTES = 1L << 20;

    private BundleFile() {}

    /**
     * {@code file} (inside {@code bundleDir}) checked as above; {@code what} names it in the error (e.g.
     * "field 'graphs.ann.file' of manifest.json"). Returns the real path, the one to open.
     */
    public static Path check(Path bundleDir, Path file, String what, long maxBytes) {
        Path real;
        Path realDir;
        try {
            realDir = bundleDir.toRealPath();
            real = file.toRealPath();
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read: missing (" + what + ")");
        }
        if (!real.startsWith(realDir)) {
            throw new BundleException(file + ": a link to " + real + ", outside the bundle folder " + realDir
                    + " (" + what + "); bundle files must lie inside the folder");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read (" + what + "): " + e.getMessage(), e);
        }
        if (!attrs.isRegularFile()) {
            throw new BundleException(file + ": not a regular file (" + kind(attrs) + "; " + what + ")");
        }
        if (attrs.size() > maxBytes) {
            throw new BundleException(file + ": " + attrs.size() + " bytes, more than the " + maxBytes
                    + " a bundle file may have (" + what + ")");
        }
        return real;
    }

    private static String kind(BasicFileAttributes a) {
        return a.isDirectory() ? "a directory" : a.isOther() ? "a FIFO, socket or device" : "not a plain file";
    }
}
