package org.respike.models.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        Path p = locate("respike.test.bundle", HYBRID);
        if (!Files.isRegularFile(p.resolve("manifest.json"))) {
            throw new AssertionError("no hybrid bundle at " + p + " (the default model is committed there)");
        }
        return p;
    }

    /** The clip-architecture baseline bundle; the test is skipped (not failed) until one is committed. */
    public static Path clip() {
        Path p = locate("respike.test.clip-bundle", CLIP);
        assumeTrue(Files.isRegularFile(p.resolve("manifest.json")),
                "no baseline bundle at " + p + " (set -Drespike.test.clip-bundle=<bundle dir> to test one)");
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
