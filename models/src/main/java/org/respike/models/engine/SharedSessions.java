package org.respike.models.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.bundle.OrtCalls;

/**
 * The process-wide set of ONNX Runtime sessions for one (bundle folder, config), reference counted:
 * every engine handle and every open stream holds one reference, and the sessions close when the last
 * reference goes. OrtSession.run is thread-safe, so all streams share these sessions.
 */
final class SharedSessions {
    private static final Map<Key, SharedSessions> REGISTRY = new HashMap<>();

    private record Key(Path bundleDir, EngineConfig config) {
    }

    private final Key key;
    private final ModelBundle bundle;
    private final ExecutionProvider provider;
    private final Map<String, OrtSession> sessions;
    private int references;

    private SharedSessions(Key key, ModelBundle bundle, SessionOpener.Opened opened) {
        this.key = key;
        this.bundle = bundle;
        this.provider = opened.provider();
        this.sessions = opened.sessions();
    }

    /** The sessions for this bundle and config, opened on first use; the caller owns one reference. */
    static SharedSessions acquire(Path bundleDir, EngineConfig config) {
        Key key = new Key(bundleDir.toAbsolutePath().normalize(), config);
        synchronized (REGISTRY) {
            SharedSessions s = REGISTRY.get(key);
            if (s == null) {
                ModelBundle bundle = ModelBundle.load(key.bundleDir());
                s = new SharedSessions(key, bundle,
                        new SessionOpener(OrtEnvironment.getEnvironment(), config).open(bundle));
                REGISTRY.put(key, s);
            }
            s.references++;
            return s;
        }
    }

    /** Another reference to already-open sessions (a stream outliving its engine handle keeps them). */
    void retain() {
        synchronized (REGISTRY) {
            if (references == 0) {
                throw new IllegalStateException("sessions of " + key.bundleDir() + " are closed");
            }
            references++;
        }
    }

    void release() {
        synchronized (REGISTRY) {
            if (--references > 0) {
                return;
            }
            REGISTRY.remove(key);
        }
        for (OrtSession s : sessions.values()) {
            try {
                OrtCalls.run(() -> {
                    s.close();
                    return null;
                });
            } catch (Exception e) {
                SessionOpener.LOG.log(System.Logger.Level.WARNING, "closing a session of " + key.bundleDir(), e);
            }
        }
    }

    /** Open session sets in the process (tests check that closing releases them). */
    static int openCount() {
        synchronized (REGISTRY) {
            return REGISTRY.size();
        }
    }

    ModelBundle bundle() {
        return bundle;
    }

    ExecutionProvider provider() {
        return provider;
    }

    EngineConfig config() {
        return key.config();
    }

    OrtSession session(String graph) {
        return sessions.get(graph);
    }
}
