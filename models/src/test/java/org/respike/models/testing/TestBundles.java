package org.respike.models.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find model bundles. Each path is one constant, relative to the repository root
 * (surefire's {@code respike.root}); a system property overrides it, e.g. to test an untrained bundle
 * from the recipe before trained ones are committed:
 * {@code mvn -pl models verify -Drespike.test.bundle=/path/to/untrained-hybrid-bundle}.
 */
public final class TestBundles {
    /** The committed ReSpike hybrid bundle. */
    public static final String HYBRID = "models/bundles/respike-hybrid";
    /** The committed 3D-CNN baseline bundle (architecture clip). */
    public static final String CLIP = "models/bundles/c3d-baseline";

    private TestBundles() {
    }

    /** The hybrid bundle; the test is skipped (not failed) while none is available. */
    public static Path hybrid() {
        return require("respike.test.bundle", HYBRID);
    }

    /** The clip-architecture baseline bundle; skipped while none is available. */
    public static Path clip() {
        return require("respike.test.clip-bundle", CLIP);
    }

    public static Path repoRoot() {
        return Path.of(System.getProperty("respike.root", "..")).toAbsolutePath().normalize();
    }

    private static Path require(String property, String defaultPath) {
        String override = System.getProperty(property);
        Path p = override != null && !override.isBlank() ? Path.of(override) : repoRoot().resolve(defaultPath);
        assumeTrue(Files.isRegularFile(p.resolve("manifest.json")),
                "no bundle at " + p + " (set -D" + property + "=<bundle dir> to test one)");
        return p;
    }
}
