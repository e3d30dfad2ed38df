package org.respike.pipelines.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this whole process, GStreamer's native threads included: on a machine with few cores, wall
 * time of work spread over decoder and model threads says little about what the work costs.
 */
final class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    static long nanos() {
        return OS.getProcessCpuTime();
    }
}
