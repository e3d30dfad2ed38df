package org.respike.models.bundle;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every ONNX Runtime call that can be under way when the process exits (opening, running, closing a
 * session) goes through here, so that an exit can first wait for them. ONNX Runtime's Java API closes its
 * native environment in a shutdown hook, and shutdown hooks run concurrently: a Ctrl-C while a session was
 * being created freed the environment under it, a SIGSEGV that HotSpot turned into a crash report (rc 134,
 * an hs_err file) on 11 of 11 tries at model load. An application that exits on a signal calls
 * {@link #quiesce} before {@code System.exit} (the respike command does). A call costs one uncontended
 * read lock.
 */
public final class OrtCalls {

    /** A call into ONNX Runtime. */
    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    private static volatile boolean quiesced;

    private OrtCalls() {}

    /**
     * Runs {@code call}. After {@link #quiesce} no call starts: it throws IllegalStateException, or (in a
     * race with quiesce) waits for the exit.
     */
    public static <T, E extends Exception> T run(Call<T, E> call) throws E {
        if (quiesced) {
            throw new IllegalStateException("the process is exiting: ONNX Runtime takes no new call");
        }
        LOCK.readLock().lock();
        try {
            return call.run();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /**
     * Waits up to {@code timeoutSeconds} for the calls in flight to end and lets no new one start; for a
     * process about to exit (there is no way back). Returns false if calls were still running at the timeout.
     */
    public static boolean quiesce(long timeoutSeconds) throws InterruptedException {
        quiesced = true;
        return LOCK.writeLock().tryLock() || LOCK.writeLock().tryLock(timeoutSeconds, TimeUnit.SECONDS);
    }
}
