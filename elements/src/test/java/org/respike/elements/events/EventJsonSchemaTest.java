package org.respike.elements.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.respike.elements.events.Results.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.respike.models.engine.ActionResult;
import org.respike.models.testing.TestBundles;

/** The JSON that goes out matches docs/events.schema.json, and docs/events-schema.md names every field. */
class EventJsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCS = TestBundles.repoRoot().resolve("docs");

    @Test
    void everyKindOfMessageValidatesAgainstTheSchema() throws IOException {
        Schema schema = schema();
        List<EventMessage> messages = sample();
        assertEquals(Set.of(EventMessage.Kind.values()), Set.copyOf(messages.stream().map(EventMessage::kind).toList()));
        for (EventMessage m : messages) {
            JsonNode node = JSON.readTree(EventJson.toJson(m));
            assertEquals(List.of(), schema.validate(node), node.toString());
            assertEquals(m.start().utc(), Instant.parse(node.at("/start/utc").asText()));
            assertEquals(EventJson.SCHEMA, node.get("schema").asText());
        }
    }

    @Test
    void theSchemaRejectsWhatAConsumerCouldNotRead() throws IOException {
        Schema schema = schema();
        ObjectNode end = (ObjectNode) JSON.readTree(EventJson.toJson(sample().get(sample().size() - 1)));
        ObjectNode noEnd = end.deepCopy();
        noEnd.putNull("end");
        ObjectNode extra = end.deepCopy();
        extra.put("colour", "red");
        ObjectNode missing = end.deepCopy();
        missing.remove("label");
        for (ObjectNode bad : List.of(noEnd, extra, missing)) {
            assertFalse(schema.validate(bad).isEmpty(), bad.toString());
        }
    }

    @Test
    void theSchemaDocumentDescribesEverySchemaField() throws IOException {
        String doc = Files.readString(DOCS.resolve("events-schema.md"));
        JsonNode schema = JSON.readTree(DOCS.resolve("events.schema.json").toFile());
        List<String> fields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(fields::add);
        schema.at("/$defs/time/properties").fieldNames().forEachRemaining(fields::add);
        schema.at("/properties/box/oneOf/1/properties").fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            assertTrue(doc.contains("| `" + f + "`"), "docs/events-schema.md has no table row for " + f);
        }
        Iterator<String> emitted = JSON.readTree(EventJson.toJson(sample().get(0))).fieldNames();
        emitted.forEachRemaining(f -> assertTrue(fields.contains(f), f + " is emitted but not in the schema"));
    }

    /** Start, updates and ends, with and without a track, box and snapshot. */
    private static List<EventMessage> sample() {
        EventDetector d = new EventDetector(EventPolicy.defaults().withIgnored(Set.of("idle"))
                .withUpdateInterval(Duration.ofSeconds(1)).withClasses("fall:min=0,alert=true"), Results.CLOCK,
                r -> r.trackId() != ActionResult.NO_TRACK ? new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9} : null);
        List<EventMessage> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.addAll(d.accept(at(i, "wave", 0.9)));
            out.addAll(d.accept(at("camera-5", 7, i, "fall", 0.95)));
        }
        for (int i = 8; i < 14; i++) {
            out.addAll(d.accept(at(i, "wave", 0.1)));
        }
        out.addAll(d.endAll());
        return out;
    }

    private static Schema schema() throws IOException {
        try (var in = Files.newInputStream(DOCS.resolve("events.schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
