package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.respike.models.testing.BundleCopy;
import org.respike.models.testing.TestBundles;

/** One set of sessions per (bundle folder, config) in the process, closed with its last user. */
class SharedEngineTest {
    @TempDir
    Path tmp;
    Path bundle;

    @BeforeEach
    void freshBundleFolder() throws IOException {
        bundle = BundleCopy.of(TestBundles.hybrid(), tmp.resolve("b"));
    }

    @Test
    void sameFolderAndConfigShareSessionsUntilTheLastClose() {
        int before = SharedSessions.openCount();
        InferenceEngine a = InferenceEngine.shared(bundle, EngineConfig.cpu());
        InferenceEngine b = InferenceEngine.shared(bundle.resolve(".").resolve("..").resolve("b"), EngineConfig.cpu());
        assertSame(a.bundle(), b.bundle());
        assertEquals(before + 1, SharedSessions.openCount());
        InferenceEngine c = InferenceEngine.shared(bundle, EngineConfig.cpu().withIntraOpThreads(2));
        assertNotSame(a.bundle(), c.bundle());
        assertEquals(before + 2, SharedSessions.openCount());
        a.close();
        a.close(); // idempotent: must not release b's reference
        assertEquals(before + 2, SharedSessions.openCount());
        b.close();
        c.close();
        assertEquals(before, SharedSessions.openCount());
    }

    @Test
    void aStreamKeepsTheSessionsOfAClosedEngine() {
        int before = SharedSessions.openCount();
        InferenceEngine e = InferenceEngine.shared(bundle, EngineConfig.cpu());
        ActionStream s = e.openStream("cam");
        e.close();
        assertEquals(before + 1, SharedSessions.openCount());
        assertThrows(IllegalStateException.class, () -> e.openStream("late"));
        s.close();
        assertEquals(before, SharedSessions.openCount());
    }
}
