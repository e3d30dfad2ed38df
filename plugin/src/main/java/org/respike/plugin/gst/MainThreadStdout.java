package org.respike.plugin.gst;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.respike.elements.spi.ElementHost;

/**
 * Standard output for the Java elements inside a C host (gst-launch-1.0 through the native loader). The
 * host prints from its main thread, and gst-launch -m prints one bus message in several pieces: a JSON
 * line written from a streaming thread could land between them (1-4 of 117 lines glued onto a message
 * line). Here whole lines are queued and written by the host's main thread, from an idle source on the
 * default GMainContext, which gst-launch iterates between its messages; lines from the main thread itself
 * go out at once; a line that waited longer than {@link #MAX_WAIT_MS} (a host that does not iterate that
 * context) is written by a daemon thread, and whatever is left when the host exits by the loader's atexit.
 */
final class MainThreadStdout extends OutputStream {

    private static final long MAX_WAIT_MS = 200;
    /** G_PRIORITY_HIGH: before the bus watch, so a line is out before the message that follows it. */
    private static final int PRIORITY_HIGH = -100;

    /** GSourceFunc. */
    interface SourceFunc extends Callback {
        int invoke(Pointer data);
    }

    private static MainThreadStdout installed;

    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    /** The thread that loaded the plugin: the host's main thread, which may write at once. */
    private final Thread hostThread = Thread.currentThread();
    private final ArrayDeque<byte[]> lines = new ArrayDeque<>();
    private final ArrayDeque<Long> queuedAt = new ArrayDeque<>();
    private byte[] partial = new byte[256];
    private int partialLength;
    private boolean idlePending;
    private final SourceFunc drainOnMainThread = Callbacks.keep(data -> {
        drain(0, true);
        return 0; // G_SOURCE_REMOVE
    });

    private MainThreadStdout() {
        ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "respike-stdout");
            t.setDaemon(true);
            return t;
        });
        late.scheduleWithFixedDelay(() -> drain(MAX_WAIT_MS * 1_000_000L, false), MAX_WAIT_MS, MAX_WAIT_MS / 4,
                TimeUnit.MILLISECONDS);
    }

    /** Makes System.out line-atomic with the host's own output; idempotent. */
    static synchronized void install() {
        if (installed == null) {
            installed = new MainThreadStdout();
            System.setOut(new PrintStream(installed, true, StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (partialLength == partial.length) {
                partial = Arrays.copyOf(partial, partial.length * 2);
            }
            partial[partialLength++] = b[i];
            if (b[i] == '\n') {
                lines.add(Arrays.copyOf(partial, partialLength));
                queuedAt.add(System.nanoTime());
                partialLength = 0;
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        if (Thread.currentThread() == hostThread) {
            drain(0, false);
        } else if (!idlePending) {
            idlePending = true;
            GObjectApi.g_idle_add_full(PRIORITY_HIGH, drainOnMainThread, null, null);
        }
    }

    /** Writes every queued line now: the loader calls it when the host exits (exit() runs no JVM hook). */
    static void drainAll() {
        MainThreadStdout s;
        synchronized (MainThreadStdout.class) {
            s = installed;
        }
        if (s != null) {
            s.drain(0, false);
        }
    }

    /** Writes the queued lines at least {@code minAgeNanos} old (all of them from the main thread). */
    private synchronized void drain(long minAgeNanos, boolean mainThread) {
        if (mainThread) {
            idlePending = false;
        }
        int written = 0;
        try {
            while (!lines.isEmpty() && System.nanoTime() - queuedAt.peek() >= minAgeNanos) {
                out.write(lines.poll());
                queuedAt.poll();
                written++;
            }
            out.flush();
            if (written > 0) {
                DebugCategory.plugin().log(ElementHost.LogLevel.DEBUG, null, "stdout: " + written + " line(s) written "
                        + (mainThread ? "by the host's main thread" : "late, by a daemon thread: the host does not "
                        + "iterate the default main context"));
            }
        } catch (IOException e) {
            lines.clear();
            queuedAt.clear();
        }
    }

    @Override
    public void flush() {
        // Lines are written whole, by drain; a partial line waits for its newline.
    }
}
