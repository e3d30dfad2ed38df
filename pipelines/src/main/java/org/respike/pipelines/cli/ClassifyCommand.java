package org.respike.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.respike.pipelines.run.FileClassification;
import org.respike.pipelines.run.FileClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** respike classify: one recognised action per video file. */
@Command(name = "classify", description = {
        "Classifies each video file (all its clips averaged) through a GStreamer pipeline.",
        "Exit status 1 if any file could not be classified; the others are still classified."})
final class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ModelOptions options;

    @Option(names = "--json", description = "One JSON object per line: file, label, score, scores, frames, clips "
            + "(or file and error).")
    boolean json;

    @Option(names = "--timeout-s", defaultValue = "600", description = "Give up on a file after this long.")
    long timeoutSeconds;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Video files.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        FileClassifier classifier;
        try {
            classifier = new FileClassifier(options.model, options.device, timeoutSeconds * 1000);
        } catch (RuntimeException e) {
            // No model, no file classified: still one result per file, each saying why.
            String why = RespikeCli.describe(e);
            for (Path file : files) {
                print(FileClassification.failed(file.toString(), why));
            }
            return 1;
        }
        try (classifier) {
            for (Path file : files) {
                FileClassification c = classifier.classify(file);
                failed += c.ok() ? 0 : 1;
                print(c);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private void print(FileClassification c) throws java.io.IOException {
        System.out.println(json ? JSON.writeValueAsString(c.json()) : describe(c));
    }

    private static String describe(FileClassification c) {
        return c.ok()
                ? String.format(Locale.ROOT, "%s: %s (%.3f, %d frames, %d clips)", c.file(), c.label(), c.score(),
                        c.frames(), c.clips())
                : c.file() + ": error: " + c.error();
    }
}
