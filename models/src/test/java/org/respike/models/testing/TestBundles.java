package org.respike.models.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find model bundles. Each path is one constant, relative to the repository root
 * (surefire's {@code respike.root}); a system property overrides it, e.g. to test a freshly exported bundle:
 * {@code mvn -pl models verify -Drespike.test.bundle=/path/to/untrained-hybrid-bundle}.
 */
public final class TestBundles {
    /** The committed ReSpike hybrid bundle. */
    public static final String HYBRID = "models/bundles/respike-hybrid";
    /** The committed 3D-CNN baseline bundle (architecture clip). */
    public static final String CLIP = "models/bundles/c3d-baseline";

    private TestBundles() {
    }

    /** The hybrid bundle, the product's default: committed, so a missing one fails the test. */
    public static Path hybrid() {
        return committed("respike.test.bundle", HYBRID);
    }

    /** The 3D-CNN baseline bundle: committed too, so a missing one fails the test. */
    public static Path clip() {
        return committed("respike.test.clip-bundle", CLIP);
    }

    private static Path committed(String property, String defaultPath) {
        Path p = locate(property, defaultPath);
        if (!Files.isRegularFile(p.resolve("manifest.json"))) {
            throw new AssertionError("no bundle at " + p + " (it is committed there; -D" + property
                    + "=<bundle dir> tests another)");
        }
        return p;
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("respike.root", "..")).toAbsolutePath().normalize();
    }

    private static Path locate(String property, String defaultPath) {
        String override = System.getProperty(property);
        return override != null && !override.isBlank() ? Path.of(override) : repoRoot().resolve(defaultPath);
    }
}
