package org.respike.pipelines.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The launch strings in {@code pipelines/catalogue}, by name (the file name without .launch). */
public final class PipelineCatalogue {

    private final Map<String, LaunchTemplate> templates = new TreeMap<>();

    private PipelineCatalogue() {}

    public static PipelineCatalogue load(Path dir) {
        PipelineCatalogue catalogue = new PipelineCatalogue();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".launch")).sorted().toList()) {
                LaunchTemplate t = LaunchTemplate.read(f);
                catalogue.templates.put(t.name(), t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pipeline catalogue in " + dir, e);
        }
        return catalogue;
    }

    public LaunchTemplate get(String name) {
        LaunchTemplate t = templates.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no pipeline '" + name + "' in the catalogue; there are " + templates.keySet());
        }
        return t;
    }

    public List<LaunchTemplate> all() {
        return List.copyOf(templates.values());
    }
}
