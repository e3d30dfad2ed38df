package org.respike.models.testing;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.respike.models.engine.ActionStream;
import org.respike.models.frame.Frame;

/** Heap bytes a stream's push allocates on the calling thread, results included. */
public final class Allocation {
    private Allocation() {
    }

    /**
     * Pushes {@code frames} cyclically, {@code total} times; the mean over the second half (after JIT
     * warm-up) in bytes per frame.
     */
    public static long bytesPerFrame(ActionStream stream, Frame[] frames, int total) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = 0;
        int counted = 0;
        for (int k = 0; k < total; k++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            stream.push(frames[k % frames.length]);
            long after = threads.getCurrentThreadAllocatedBytes();
            if (k >= total / 2) {
                bytes += after - before;
                counted++;
            }
        }
        return bytes / counted;
    }
}
