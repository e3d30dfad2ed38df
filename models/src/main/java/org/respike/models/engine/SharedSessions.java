package org.respike.models.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.respike.models.bundle.Manifest;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.bundle.OrtCalls;

/**
 * The process-wide set of ONNX Runtime sessions for one (bundle folder, config), reference counted:
 * every engine handle and every open stream holds one reference. OrtSession.run is thread-safe, so all
 * streams share these sessions.
 *
 * <p>When the last reference goes the sessions stay open for {@link #LINGER_SECONDS} before they close,
 * so that a pipeline going NULL -> PLAYING -> NULL (a reconnecting camera, an application that restarts
 * its pipeline) reuses them: reopening the graphs on every cycle took about 2 s per cycle here and let
 * RSS grow with every reload. A bundle whose files changed meanwhile is loaded afresh.
 *
 * <p>When the config batches, the streams of these sessions also share one {@link Batcher}, closed with them.
 */
final class SharedSessions {
    /** How long unused sessions stay open for the next user (system property respike.sessions.linger-seconds). */
    static final long LINGER_SECONDS = Long.getLong("respike.sessions.linger-seconds", 30);

    private static final Map<Key, SharedSessions> REGISTRY = new HashMap<>();
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "respike-idle-sessions");
        t.setDaemon(true);
        return t;
    });

    private record Key(Path bundleDir, EngineConfig config) {
    }

    private final Key key;
    private final ModelBundle bundle;
    private final ExecutionProvider provider;
    private final Map<String, OrtSession> sessions;
    private final GraphTimes times = new GraphTimes();
    private final long filesStamp;
    private final Batcher batcher;
    private int references;
    private ScheduledFuture<?> pendingClose;

    private SharedSessions(Key key, ModelBundle bundle, SessionOpener.Opened opened) {
        this.key = key;
        this.bundle = bundle;
        this.provider = opened.provider();
        this.sessions = opened.sessions();
        this.filesStamp = filesStamp(bundle);
        Batcher b = null;
        try {
            b = key.config().batching() ? new Batcher(this, key.config()) : null;
        } catch (RuntimeException e) {
            closeSessions();
            throw e;
        }
        this.batcher = b;
    }

    /** The sessions for this bundle and config, opened on first use; the caller owns one reference. */
    static SharedSessions acquire(Path bundleDir, EngineConfig config) {
        Key key = new Key(bundleDir.toAbsolutePath().normalize(), config);
        synchronized (REGISTRY) {
            SharedSessions s = REGISTRY.get(key);
            if (s != null && s.references == 0 && s.filesStamp != filesStamp(s.bundle)) {
                REGISTRY.remove(key); // idle, and the bundle was re-exported since: load it again
                s.closeSessions();
                s = null;
            }
            if (s == null) {
                ModelBundle bundle = ModelBundle.load(key.bundleDir());
                s = new SharedSessions(key, bundle,
                        new SessionOpener(OrtEnvironment.getEnvironment(), config).open(bundle));
                REGISTRY.put(key, s);
            }
            s.references++;
            if (s.pendingClose != null) {
                s.pendingClose.cancel(false);
                s.pendingClose = null;
            }
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
            pendingClose = CLOSER.schedule(this::closeIfIdle, LINGER_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void closeIfIdle() {
        synchronized (REGISTRY) {
            if (references > 0 || REGISTRY.get(key) != this) {
                return;
            }
            REGISTRY.remove(key);
            pendingClose = null;
        }
        closeSessions();
    }

    /** Closes every idle session set now (tests; an application freeing memory before a long pause). */
    static void closeIdle() {
        List<SharedSessions> idle;
        synchronized (REGISTRY) {
            idle = REGISTRY.values().stream().filter(s -> s.references == 0).toList();
            for (SharedSessions s : idle) {
                REGISTRY.remove(s.key);
                if (s.pendingClose != null) {
                    s.pendingClose.cancel(false);
                }
            }
        }
        idle.forEach(SharedSessions::closeSessions);
    }

    /** Sizes and modification times of the manifest and the graphs: changes when the bundle is re-exported. */
    private static long filesStamp(ModelBundle bundle) {
        long stamp = 17;
        List<Path> files = new ArrayList<>(List.of(bundle.dir().resolve(Manifest.FILE)));
        bundle.manifest().graphs().values().forEach(g -> files.add(bundle.dir().resolve(g.file())));
        for (Path f : files) {
            try {
                stamp = 31 * stamp + Files.getLastModifiedTime(f).toMillis();
                stamp = 31 * stamp + Files.size(f);
            } catch (IOException gone) {
                stamp = 31 * stamp - 1;
            }
        }
        return stamp;
    }

    private void closeSessions() {
        if (batcher != null) {
            batcher.close();
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

    /** Session sets in use in the process (tests check that closing releases them). */
    static int openCount() {
        synchronized (REGISTRY) {
            return (int) REGISTRY.values().stream().filter(s -> s.references > 0).count();
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

    /** A caller's handle on one graph's session, timed with every other user's. */
    Graph graph(String name) {
        return new Graph(name, sessions.get(name), times);
    }

    GraphTimes times() {
        return times;
    }

    /** The batcher of these sessions, or null when the config does not batch. */
    Batcher batcher() {
        return batcher;
    }
}
