package org.respike.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.respike.models.testing.TestBundles;
import org.respike.pipelines.bench.Soak;

/**
 * The short soak: one stream for 8,000 frames must not grow native memory. This module's test JVM runs
 * with {@link Soak#JVM_FLAGS} (see its pom), so RSS growth after warm-up is native growth. A leaked
 * frame tensor (49 KB) per frame would add about 490 MB per 10,000 frames; the bound below is 8 MB. The
 * long soak (100,000 frames) is `respike bench --soak-frames 100000`.
 */
class SoakTest {

    @Test
    void nativeMemoryIsFlatAfterWarmUp() {
        List<Soak.Sample> samples = Soak.run(TestBundles.hybrid(), 8000, 8);
        double growth = Soak.rssGrowthPer10kFrames(samples);
        Soak.Sample first = samples.get(0);
        Soak.Sample last = samples.get(samples.size() - 1);
        System.out.printf("soak: %d samples, RSS %.0f -> %.0f MB, growth after warm-up %.2f MB per 10k frames%n",
                samples.size(), first.rssMb(), last.rssMb(), growth);
        assertTrue(samples.size() >= 8, "enough samples to fit a trend: " + samples.size());
        assertTrue(growth < 8.0, "resident memory grows " + growth + " MB per 10k frames after warm-up");
    }
}
