package org.respike.elements.events;

import java.time.Instant;

/**
 * One moment of a stream on its three clocks: the pipeline's running time and the buffer PTS, both in
 * nanoseconds, and the UTC wall clock.
 */
public record StreamTime(long runningTimeNanos, long ptsNanos, Instant utc) {
}
