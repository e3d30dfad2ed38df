package org.respike.pipelines.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One launch string of the catalogue, read from a {@code .launch} file: comment lines (#) describe it,
 * {@code # var NAME: text} declares a variable used as {@code ${NAME}} (a text ending in
 * {@code (default: VALUE)} gives it a value when none is passed), {@code # test-substitute: A -> B}
 * names a replacement that lets CI run an entry written for hardware it lacks; the other lines, joined,
 * are the launch string.
 */
public record LaunchTemplate(String name, String description, Map<String, String> variables,
        Map<String, String> defaults, Map<String, String> testSubstitutions, String body) {

    private static final Pattern VAR = Pattern.compile("^# var ([A-Z0-9_]+): (.*)$");
    private static final Pattern DEFAULT = Pattern.compile("\\(default: ([^)]*)\\)$");
    private static final Pattern SUBSTITUTE = Pattern.compile("^# test-substitute: (.+?) -> (.+)$");
    private static final Pattern USE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    public static LaunchTemplate read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.launch$", "");
        StringBuilder description = new StringBuilder();
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> substitutions = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher var = VAR.matcher(line);
            Matcher sub = SUBSTITUTE.matcher(line);
            if (var.matches()) {
                variables.put(var.group(1), var.group(2));
                Matcher value = DEFAULT.matcher(var.group(2));
                if (value.find()) {
                    defaults.put(var.group(1), value.group(1));
                }
            } else if (sub.matches()) {
                substitutions.put(sub.group(1), sub.group(2));
            } else if (line.startsWith("#")) {
                description.append(line.replaceFirst("^# ?", "")).append(' ');
            } else if (!line.isBlank()) {
                body.add(line.strip());
            }
        }
        LaunchTemplate template = new LaunchTemplate(name, description.toString().strip(), variables, defaults, substitutions,
                String.join(" ", body));
        template.checkDeclared();
        return template;
    }

    /** Every ${NAME} in the body is declared, so a user always learns what to pass. */
    private void checkDeclared() {
        Matcher use = USE.matcher(body);
        while (use.find()) {
            if (!variables.containsKey(use.group(1))) {
                throw new IllegalArgumentException(name + ": ${" + use.group(1) + "} is used but not declared with '# var'");
            }
        }
    }

    /** The launch string with every variable replaced by its quoted value (or its default). */
    public String render(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        values.putAll(given);
        List<String> missing = variables.keySet().stream().filter(v -> !values.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + " needs " + missing + ": " + describeVariables());
        }
        Matcher use = USE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (use.find()) {
            use.appendReplacement(out, Matcher.quoteReplacement(quote(values.get(use.group(1)))));
        }
        use.appendTail(out);
        return out.toString();
    }

    /** {@link #render} after the file's test substitutions (for hardware this machine lacks). */
    public String renderForTest(Map<String, String> values) {
        String launch = render(values);
        for (Map.Entry<String, String> s : testSubstitutions.entrySet()) {
            launch = launch.replace(s.getKey(), s.getValue());
        }
        return launch;
    }

    public String describeVariables() {
        StringBuilder sb = new StringBuilder();
        variables.forEach((k, v) -> sb.append("\n  ").append(k).append(": ").append(v));
        return sb.toString();
    }

    /** Quotes a property value for gst_parse_launch, which splits unquoted values at spaces. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
