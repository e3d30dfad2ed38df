package org.respike.models.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * Runs the calls of several streams at once for one caller thread, so that their graph calls meet in the
 * {@link Batcher}: called one after another, each stream's first graph call would wait up to maxWait for
 * the others, which the same thread only pushes after it. Task 0 runs on the caller, the others on helper
 * threads started as first needed (one fewer than the most tasks seen) and parked between calls, so every
 * task is in flight together whatever the number of streams. One caller at a time.
 */
final class PushTogether implements AutoCloseable {
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final List<Thread> helpers = new ArrayList<>();
    private IntFunction<Optional<ActionResult>> task;
    private Optional<ActionResult>[] results;
    private int tasks;
    private int next;
    private int unfinished;
    private Throwable failure;
    private boolean closed;

    /** @param name prefix of the helper threads' names */
    PushTogether(String name) {
        this.name = name;
    }

    /** {@code call.apply(i)} for i in [0, n), together; their results in order. Rethrows the first failure. */
    @SuppressWarnings("unchecked")
    List<Optional<ActionResult>> run(int n, IntFunction<Optional<ActionResult>> call) {
        if (n == 0) {
            return List.of();
        }
        Optional<ActionResult>[] out = new Optional[n];
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("engine is closed");
            }
            while (helpers.size() < n - 1) {
                Thread t = new Thread(this::help, name + "-" + (helpers.size() + 1));
                t.setDaemon(true);
                t.start();
                helpers.add(t);
            }
            task = call;
            results = out;
            tasks = n;
            next = 1;
            unfinished = n;
            failure = null;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        finished(attempt(call, 0, out));
        boolean interrupted = false;
        Throwable first;
        lock.lock();
        try {
            while (unfinished > 0) {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            first = failure;
            task = null;
            results = null;
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    private void help() {
        while (true) {
            int i;
            IntFunction<Optional<ActionResult>> call;
            Optional<ActionResult>[] out;
            lock.lock();
            try {
                while (!closed && next >= tasks) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                i = next++;
                call = task;
                out = results;
            } finally {
                lock.unlock();
            }
            finished(attempt(call, i, out));
        }
    }

    /** Runs task i into {@code out}; its failure, or null. */
    private static Throwable attempt(IntFunction<Optional<ActionResult>> call, int i, Optional<ActionResult>[] out) {
        try {
            out[i] = call.apply(i);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private void finished(Throwable t) {
        lock.lock();
        try {
            if (t != null && failure == null) {
                failure = t;
            }
            if (--unfinished == 0) {
                tasks = 0;
                done.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the helper threads; they are parked, since one caller at a time runs and waits for its tasks. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
