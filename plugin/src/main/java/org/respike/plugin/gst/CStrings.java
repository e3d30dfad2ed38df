package org.respike.plugin.gst;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/** UTF-8 C strings, whatever the JVM's default charset. */
final class CStrings {
    private CStrings() {}

    /** A NUL-terminated UTF-8 copy in JVM-owned memory, valid while the returned object is reachable. */
    static Memory utf8(String s) {
        if (s == null) {
            return null;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(bytes.length + 1L);
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        return m;
    }

    /**
     * {@code s} as a NUL-terminated UTF-8 string in this thread's scratch memory, valid until the thread's next
     * call: for arguments that GLib copies (g_value_set_string), so that per-buffer metas allocate nothing.
     */
    static Pointer scratch(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        Memory m = SCRATCH.get();
        if (m.size() < bytes.length + 1L) {
            m = new Memory(Math.max(2 * m.size(), bytes.length + 1L));
            SCRATCH.set(m);
        }
        m.write(0, bytes, 0, bytes.length);
        m.setByte(bytes.length, (byte) 0);
        return m;
    }

    private static final ThreadLocal<Memory> SCRATCH = ThreadLocal.withInitial(() -> new Memory(256));

    /** A copy GLib owns (g_strdup), for functions that take ownership and g_free it. */
    static Pointer glibCopy(String s) {
        return s == null ? null : GObjectApi.g_strdup(utf8(s));
    }

    static String read(Pointer p) {
        return p == null ? null : p.getString(0, StandardCharsets.UTF_8.name());
    }

    /** Reads a string GLib handed over and frees it. */
    static String take(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return read(p);
        } finally {
            GObjectApi.g_free(p);
        }
    }

    /** The message of a GError* stored at {@code errorSlot}, freeing the GError; null when none. */
    static String takeError(Pointer errorSlot) {
        Pointer error = errorSlot.getPointer(0);
        if (error == null) {
            return null;
        }
        try {
            return read(error.getPointer(Layout.ERROR_MESSAGE));
        } finally {
            GObjectApi.g_error_free(error);
        }
    }
}
