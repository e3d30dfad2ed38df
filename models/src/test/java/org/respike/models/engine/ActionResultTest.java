package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionResultTest {
    @Test
    void scoreIsTheSoftmaxOfTheClipLogits() {
        ActionResult r = ActionResult.ofClip("cam", List.of("a", "b", "c"), new float[] {1, 3, 2}, 0, 10, 16, 4, 0,
                new float[0], 0f, 0, 5);
        double z = Math.exp(1) + Math.exp(3) + Math.exp(2);
        assertEquals("b", r.label());
        assertEquals(1, r.labelIndex());
        assertEquals(Math.exp(3) / z, r.score(), 1e-6);
        assertEquals(Math.exp(1) / z, r.scores().get("a"), 1e-6);
    }

    @Test
    void skippedGroupsArePublishedAndReadBack() {
        ActionResult r = ActionResult.ofClip("cam", List.of("a", "b"), new float[] {1, 3}, 0, 10, 16, 4, 3,
                new float[0], 0f, 0, 5);
        assertEquals(3, r.fields().get("skipped-groups"));
        assertEquals(3, ActionResult.fromFields(r.fields()).skippedGroups());
        Map<String, Object> older = new LinkedHashMap<>(r.fields());
        older.remove("skipped-groups");
        assertEquals(0, ActionResult.fromFields(older).skippedGroups(), "a line written before the field");
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        float[] p = ActionResult.softmax(new float[] {1000, 1000});
        assertEquals(0.5f, p[0], 1e-6f);
    }
}
