package org.respike.elements.publish;

import java.util.function.Consumer;

/**
 * Passes on at most one warning per interval and tells how many it held back since, so a broker that
 * stays away for an hour makes a line a minute, not one per event.
 */
final class RateLimitedWarning {

    private final Consumer<String> sink;
    private final long intervalNanos;
    private long lastNanos;
    private boolean any;
    private long suppressed;

    RateLimitedWarning(Consumer<String> sink, long intervalNanos) {
        this.sink = sink;
        this.intervalNanos = intervalNanos;
    }

    synchronized void warn(String message) {
        long now = System.nanoTime();
        if (any && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        String line = suppressed == 0 ? message : message + " (" + suppressed + " similar warnings held back)";
        any = true;
        lastNanos = now;
        suppressed = 0;
        sink.accept(line);
    }
}
