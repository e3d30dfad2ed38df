package org.respike.plugin.gst;

import com.sun.jna.Pointer;
import java.util.concurrent.ConcurrentHashMap;

/** Per-instance Java state keyed by the GObject's address: added in instance_init, removed in finalize. */
final class Instances<T> {
    private final ConcurrentHashMap<Long, T> byAddress = new ConcurrentHashMap<>();

    void put(Pointer object, T state) {
        byAddress.put(Pointer.nativeValue(object), state);
    }

    T get(Pointer object) {
        return byAddress.get(Pointer.nativeValue(object));
    }

    T remove(Pointer object) {
        return byAddress.remove(Pointer.nativeValue(object));
    }

    int size() {
        return byAddress.size();
    }
}
