package org.respike.elements.publish;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.respike.elements.events.EventMessage;

/**
 * Times {@link Publisher#publish} calls, to check that they never wait for the sink. Two measures: the
 * wall time of each push, whose 99.9th percentile must stay under {@link #BOUND_NANOS}, and the time
 * the pushing thread spent blocked on a monitor or waiting, over all rounds, which the JVM counts and
 * which must stay near zero. A loaded machine can deschedule the pushing thread for milliseconds, which
 * the wall time shows and the blocked time does not; so a round whose percentile is over the bound is
 * measured again, up to {@link #ROUNDS} rounds. Pushes are paced ({@link #PACE_NANOS} apart, a round
 * lasting over a second) so that they overlap the sender's connects, sends and backoffs.
 */
public final class PushTiming {

    public static final long BOUND_NANOS = 5_000_000;
    public static final int ROUNDS = 3;
    public static final long PACE_NANOS = 200_000;
    /** Monitor contention with the sender is a few microseconds a time; the JVM counts milliseconds. */
    public static final long BLOCKED_BOUND_MILLIS = 5;

    /** What the accepted (or last) round measured; blocked time and pushes of all rounds together. */
    public record Result(long medianNanos, long p999Nanos, long maxNanos, long blockedMillis, int rounds, int pushes) {

        public boolean withinBound() {
            return p999Nanos < BOUND_NANOS && blockedMillis <= BLOCKED_BOUND_MILLIS;
        }

        @Override
        public String toString() {
            return String.format("%d pushes in %d round(s), last round: median %.1f us, p99.9 %.1f us, max %.1f us, "
                    + "blocked %d ms in all rounds", pushes, rounds, medianNanos / 1e3, p999Nanos / 1e3, maxNanos / 1e3, blockedMillis);
        }
    }

    private PushTiming() {
    }

    /** Rounds of {@code perRound} pushes of {@code events} from {@code offset} on, in order, until one is within bound. */
    public static Result measure(Publisher p, List<EventMessage> events, int offset, int perRound) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.setThreadContentionMonitoringEnabled(true);
        long self = Thread.currentThread().getId();
        long blocked = 0;
        Result r = null;
        for (int round = 1; round <= ROUNDS && (r == null || !r.withinBound()); round++) {
            long[] took = new long[perRound];
            for (int i = 0; i < perRound; i++) {
                EventMessage e = events.get(offset + (round - 1) * perRound + i);
                long blocked0 = blockedMillis(threads.getThreadInfo(self));
                long t0 = System.nanoTime();
                p.publish(e);
                took[i] = System.nanoTime() - t0;
                blocked += blockedMillis(threads.getThreadInfo(self)) - blocked0;
                LockSupport.parkNanos(PACE_NANOS);
            }
            Arrays.sort(took);
            r = new Result(took[perRound / 2], took[(int) (perRound * 0.999)], took[perRound - 1], blocked, round,
                    round * perRound);
        }
        return r;
    }

    /** Blocked on a monitor, or waiting (a lock of java.util.concurrent parks): the pacing is outside. */
    private static long blockedMillis(ThreadInfo info) {
        return info.getBlockedTime() + info.getWaitedTime();
    }
}
