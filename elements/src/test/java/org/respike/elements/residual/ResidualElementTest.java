package org.respike.elements.residual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.testing.TestFrame;
import org.respike.models.testing.Cadence;
import org.respike.models.testing.TestBundles;

class ResidualElementTest {

    private final VideoFormat format = TestFrame.rgb(5, 3);

    private List<Object> roles(ResidualElement element, boolean[] discont) {
        List<Object> roles = new ArrayList<>();
        for (int i = 0; i < discont.length; i++) {
            TestFrame f = new TestFrame(format, i * 125_000_000L, discont[i]);
            element.process(f);
            roles.add(f.metas.get("respike-frame").get("index"));
        }
        return roles;
    }

    /** Started on the test bundle: its group size and frame rate unless a property overrides them. */
    private final PropertyValues props = new PropertyValues(ResidualElementDefinition.PROPERTIES);

    private ResidualElement started() {
        ResidualElement e = new ResidualElement(props);
        props.set("model", TestBundles.hybrid().toString());
        e.start();
        return e;
    }

    @Test
    void followsTheModelsGroupsUnlessGroupSizeIsSet() {
        ResidualElement e = started();
        e.setFormat(format);
        int s = Cadence.of(TestBundles.hybrid()).stride();
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 2 * s + 1; i++) {
            expected.add(i % s);
        }
        assertEquals(expected, roles(e, new boolean[2 * s + 1]), "the model's groups of " + s);

        props.set("group-size", 3);
        e.setFormat(format);
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), roles(e, new boolean[7]));
    }

    @Test
    void discontinuityAndFlushStartANewGroup() {
        ResidualElement e = started();
        e.setFormat(format);
        boolean[] discont = {false, false, true, false};
        assertEquals(List.of(0, 1, 0, 1), roles(e, discont));
        e.flush();
        assertEquals(List.of(0), roles(e, new boolean[1]));
    }

    @Test
    void visualizePaintsSignedResidualAndKeepsKeyFrame() {
        ResidualElement e = started();
        props.set("mode", "visualize");
        props.set("gain", 2.0);
        e.setFormat(format);
        TestFrame key = new TestFrame(format, 0, false).fill(100); // frames at the model's 8 fps
        e.process(key);
        assertEquals(100, key.byteAt(0), "key frames pass unchanged");
        TestFrame brighter = new TestFrame(format, 125_000_000L, false).fill(110);
        e.process(brighter);
        assertEquals(128 + 20, brighter.byteAt(0));
        TestFrame darker = new TestFrame(format, 250_000_000L, false).fill(0);
        e.process(darker);
        assertEquals(0, darker.byteAt(0), "128 + 2 * -100 clamps at 0");
    }

    @Test
    void framesBetweenModelFramesAreTaggedSkipAndNotCounted() {
        ResidualElement e = started();
        props.set("group-size", 2);
        props.set("fps", 8.0);
        e.setFormat(format);
        List<Object> roles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestFrame f = new TestFrame(format, i * 62_500_000L, false).withDuration(62_500_000L);
            e.process(f);
            roles.add(f.metas.get("respike-frame").get("role"));
        }
        assertEquals(List.of("key", "skip", "residual", "skip", "key", "skip"), roles);
    }

    @Test
    void rejectsBadPropertyValues() {
        assertThrows(IllegalArgumentException.class, () -> props.set("mode", "paint"));
        assertThrows(IllegalArgumentException.class, () -> props.set("group-size", 65));
        assertThrows(IllegalArgumentException.class, () -> props.set("nope", 1));
    }
}
