package org.respike.pipelines.cli;

import org.respike.models.bundle.OrtCalls;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP end the command as the JVM would (exit status 128 + signal), but
 * only once no ONNX Runtime call is in flight (see {@link OrtCalls}): model loading takes a second or two,
 * and an exit inside it crashed the JVM. A signal the caller ignores (nohup, a background job) stays
 * ignored.
 */
final class SignalExit {

    /** Session creation of a large graph takes seconds; a hung provider must not keep Ctrl-C from working. */
    private static final long WAIT_SECONDS = 30;

    /** The signal being acted on, 0 while none. */
    private static volatile int pending;

    private SignalExit() {}

    /**
     * The exit status of a signal being acted on (128 + its number), or -1 while none: a command that fails
     * because its ONNX Runtime call was refused for the exit ends with this status, not as a failure of its own.
     */
    static int statusIfStopping() {
        int n = pending;
        return n == 0 ? -1 : 128 + n;
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, SignalExit::exit);
            if (previous == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN);
            }
        }
    }

    private static void exit(Signal signal) {
        pending = signal.getNumber();
        try {
            if (!OrtCalls.quiesce(0)) {
                System.err.println("respike: stopping once ONNX Runtime is done loading...");
                OrtCalls.quiesce(WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().exit(128 + signal.getNumber());
    }
}
