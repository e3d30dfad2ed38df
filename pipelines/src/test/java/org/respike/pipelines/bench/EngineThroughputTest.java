package org.respike.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.respike.models.frame.PixelFormat;
import org.respike.models.testing.TestBundles;

class EngineThroughputTest {

    @Test
    void batchedStreamsShareTheGraphCallsWhoseTimeTheModelComputeIsMeasuredOver() {
        EngineThroughput.Result one = EngineThroughput.measure(TestBundles.hybrid(), 64);
        EngineThroughput.Result four = EngineThroughput.measure(TestBundles.hybrid(), 64, 0, 0, PixelFormat.RGB, 4);
        for (EngineThroughput.Result r : new EngineThroughput.Result[] {one, four}) {
            assertEquals(java.util.Set.of("ann", "snn_step", "head"), r.graphMillisPerFrame().keySet());
            // The graphs are a part of what the engine does per frame, so their compute rate is the higher one.
            assertTrue(r.graphGflops() >= r.gflops() && r.gflops() > 0, r.toString());
        }
        assertEquals(4, four.streams());
    }

    @Test
    void decodersI420AtCameraSizeRunsThroughTheEngine() {
        EngineThroughput.Result r = EngineThroughput.measure(TestBundles.hybrid(), 16, 640, 360, PixelFormat.I420, 1);
        assertTrue(r.framesPerSecond() > 0 && r.cpuMillisPerFrame() > 0, r.toString());
    }
}
