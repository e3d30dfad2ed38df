package org.respike.plugin.gst;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
  * The C function types GStreamer calls back into, and the rule that keeps them alive: every callback handed
  * to native code is held here for the life of the process (a collected callback is a jump into freed
  * memory), and native threads that call it stay attached to the JVM (attaching per buffer costs tens of
  * microseconds).
  */
final class Callbacks {
    private static final List<Callback> KEPT = new ArrayList<>();
    private static final CallbackThreadInitializer STREAMING_THREADS =
            new CallbackThreadInitializer(true, false, "gst-native");

    private Callbacks() {}

    /** Keeps {@code callback} reachable forever and returns its native function pointer. */
    static synchronized Pointer pointer(Callback callback) {
        KEPT.add(callback);
        Native.setCallbackThreadInitializer(callback, STREAMING_THREADS);
        return CallbackReference.getFunctionPointer(callback);
    }

    /** Keeps {@code callback} reachable forever (for callbacks JNA converts itself, as call arguments). */
    static synchronized <T extends Callback> T keep(T callback) {
        KEPT.add(callback);
        Native.setCallbackThreadInitializer(callback, STREAMING_THREADS);
        return callback;
    }

    /** GClassInitFunc. */
    interface ClassInit extends Callback {
        void invoke(Pointer klass, Pointer classData);
    }

    /** GInstanceInitFunc. */
    interface InstanceInit extends Callback {
        void invoke(Pointer instance, Pointer klass);
    }

    /** GObjectClass.set_property and get_property. */
    interface PropertyFunc extends Callback {
        void invoke(Pointer object, int id, Pointer value, Pointer pspec);
    }

    /** GObjectClass.finalize. */
    interface Finalize extends Callback {
        void invoke(Pointer object);
    }

    /** GstBaseTransformClass.start and stop; GstPluginInitFunc. */
    interface BooleanFunc extends Callback {
        int invoke(Pointer object);
    }

    /** GstBaseTransformClass.set_caps. */
    interface SetCaps extends Callback {
        int invoke(Pointer trans, Pointer incaps, Pointer outcaps);
    }

    /** GstElementClass.change_state: a GstStateChange in, a GstStateChangeReturn out. */
    interface ChangeState extends Callback {
        int invoke(Pointer element, int transition);
    }

    /** GstBaseTransformClass.sink_event (gboolean) and transform_ip (GstFlowReturn). */
    interface ObjectFunc extends Callback {
        int invoke(Pointer trans, Pointer arg);
    }
}
