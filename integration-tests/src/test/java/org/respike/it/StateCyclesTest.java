package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.bench.StateCycles;

/**
 * One respikebin pipeline taken NULL -> PLAYING -> NULL 400 times in this JVM (a pre-touched fixed heap,
 * see the pom, so RSS growth is native growth): memory is flat after warm-up. Reopening the model on every
 * cycle grew RSS by 47 MB per 100 cycles and took about 3.5 s a cycle; the 1000-cycle figure is
 * `respike bench --state-cycles 1000` (README, Benchmarks).
 */
class StateCyclesTest {

    @Test
    void memoryIsFlatOverStateCycles() {
        List<StateCycles.Sample> samples = assertTimeoutPreemptively(Duration.ofSeconds(300),
                () -> StateCycles.run(TestBundles.hybrid(), 400, 10));
        double growth = StateCycles.growthPer100Cycles(samples);
        System.out.println(StateCycles.summary(samples));
        assertTrue(growth < 4.0, "RSS grows " + growth + " MB per 100 state cycles after warm-up");
    }
}
