package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.respike.models.bundle.Manifest;
import org.respike.models.testing.JsonEdit;

/** The BUNDLE_FORMAT.md energy formula on the small test manifest (ann 1000, head 10, step 100 MACs). */
class EnergyMeterTest {
    static final Manifest M = Manifest.parse(JsonEdit.smallHybrid().json(), "test");

    @Test
    void groupCostsOneAnnAndOneHeadAtMacEnergy() {
        assertEquals((1000 + 10) * 4.6, new EnergyMeter(M).groupPj(), 1e-9);
    }

    @Test
    void stepAddsSpikeDrivenAccumulatesAtTheMeasuredRate() {
        // 16 of 64 neurons spiked: rate 0.25 of the 6400 dense ops of the layer they feed, at 0.9 pJ.
        double expected = 100 * 4.6 + 0.25 * 6400 * 0.9;
        assertEquals(expected, new EnergyMeter(M).stepPj(FloatBuffer.wrap(new float[] {16})), 1e-9);
        assertEquals(100 * 4.6, new EnergyMeter(M).stepPj(FloatBuffer.wrap(new float[] {0})), 1e-9);
    }

    @Test
    void twoSynapticLayersFedByOneLifLayerBothCount() {
        Manifest m = Manifest.parse(JsonEdit.smallHybrid().set("/ops/snn_step_synaptic/1",
                "{\"layer\": \"shortcut\", \"lif\": 0, \"dense_ops\": 3200}").json(), "test");
        double expected = 100 * 4.6 + 0.5 * (6400 + 3200) * 0.9;
        assertEquals(expected, new EnergyMeter(m).stepPj(FloatBuffer.wrap(new float[] {32})), 1e-9);
    }

    @Test
    void clipGraphCostsItsMacs() {
        assertEquals(5000 * 4.6, new EnergyMeter(M).clipPj(), 1e-9);
    }
}
