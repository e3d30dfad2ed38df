package org.respike.models.engine;

import java.nio.FloatBuffer;
import java.util.List;
import org.respike.models.bundle.Manifest;

/**
 * The energy estimate of BUNDLE_FORMAT.md, in picojoules: dense work at pj_per_mac, and for each layer
 * fed by spikes, {@code rate * dense_ops} accumulates at pj_per_ac, where the rate is the measured
 * {@code spike_counts[lif] / neurons[lif]} of the LIF layer that feeds it. Since that sum is linear in the
 * spike counts, it folds into one coefficient per LIF layer, computed once.
 */
public final class EnergyMeter {
    private final double pjPerMac;
    private final double groupDensePj;
    private final double stepDensePj;
    private final double clipPj;
    private final double[] pjPerSpike;

    public EnergyMeter(Manifest manifest) {
        Manifest.Ops ops = manifest.ops();
        this.pjPerMac = manifest.energy().pjPerMac();
        this.groupDensePj = (double) (ops.annMacs() + ops.headMacs()) * pjPerMac;
        this.stepDensePj = ops.snnStepMacs() * pjPerMac;
        this.clipPj = ops.clipMacs() * pjPerMac;
        List<Manifest.LifLayer> lif = manifest.lifLayers();
        this.pjPerSpike = new double[lif.size()];
        for (Manifest.SynapticOp s : ops.snnStepSynaptic()) {
            pjPerSpike[s.lif()] += (double) s.denseOps() / lif.get(s.lif()).neurons() * manifest.energy().pjPerAc();
        }
    }

    /** Dense cost of one group apart from its steps: one ANN run and one head run. */
    public double groupPj() {
        return groupDensePj;
    }

    /** One SNN step, given that step's spike count per LIF layer (read from index 0). */
    public double stepPj(FloatBuffer spikeCounts) {
        double e = stepDensePj;
        for (int l = 0; l < pjPerSpike.length; l++) {
            e += pjPerSpike[l] * spikeCounts.get(l);
        }
        return e;
    }

    /** One run of the whole-clip graph (the only cost of a clip-architecture model). */
    public double clipPj() {
        return clipPj;
    }
}
