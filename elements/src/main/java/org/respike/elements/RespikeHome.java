package org.respike.elements;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files are (bundled models, pipeline catalogue, sample video), for launch strings
 * that name no model: system property {@code respike.root}, else environment variable
 * {@code RESPIKE_ROOT}, else the checkout that holds this class's jar or classes folder.
 */
public final class RespikeHome {

    /** The product's default model bundle, relative to the root. */
    public static final String DEFAULT_MODEL = "models/bundles/respike-hybrid";

    private RespikeHome() {}

    public static Path root() {
        String configured = System.getProperty("respike.root", System.getenv("RESPIKE_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path here = Path.of(RespikeHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("models/bundles"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalStateException("cannot locate the ReSpike checkout; set RESPIKE_ROOT", e);
        }
        throw new IllegalStateException("cannot locate the ReSpike checkout (no models/bundles above "
                + RespikeHome.class.getProtectionDomain().getCodeSource().getLocation() + "); set RESPIKE_ROOT");
    }

    /** {@code model} as given, or the default bundle when it is empty. */
    public static Path model(String model) {
        return model == null || model.isBlank() ? root().resolve(DEFAULT_MODEL) : Path.of(model);
    }
}
