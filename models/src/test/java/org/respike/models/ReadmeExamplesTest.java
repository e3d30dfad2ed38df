package org.respike.models;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.respike.models.testing.TestBundles;

/** The embedding examples of the READMEs compile against this module as built. */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    /** Each example becomes a method body; {@code decoder} stands for the application's video source. */
    private static final String HARNESS = """
            import java.net.URI;
            import java.nio.ByteBuffer;
            import java.nio.file.Path;
            import java.util.List;
            import org.respike.models.api.*;
            import org.respike.models.engine.*;
            import org.respike.models.frame.*;
            import org.respike.models.motion.*;
            import org.respike.models.track.*;

            class Example%d {
                interface Decoder {
                    boolean next();
                    ByteBuffer pixels();
                    int width();
                    int height();
                    int rowStride();
                    long ptsNanos();
                    long durationNanos();
                }

                static void run(Decoder decoder) throws Exception {
            %s
                }
            }
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "models/README.md"})
    void everyJavaExampleCompiles(String readme) throws Exception {
        String text = Files.readString(TestBundles.repoRoot().resolve(readme));
        List<Path> sources = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            Path source = tmp.resolve("Example" + sources.size() + ".java");
            Files.writeString(source, HARNESS.formatted(sources.size(), block.group(1)));
            sources.add(source);
        }
        assertFalse(sources.isEmpty(), readme + " has no ```java example");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests run on a JDK");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of("-d", tmp.resolve("classes").toString(), "-cp", classPath,
                "-proc:none"));
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertTrue(rc == 0, () -> readme + ": an example does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
    }
}
