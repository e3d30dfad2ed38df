package org.respike.models.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecutionProviderTest {
    @Test
    void parsesElementPropertySpellings() {
        assertEquals(ExecutionProvider.AUTO, ExecutionProvider.parse("auto"));
        assertEquals(ExecutionProvider.TENSORRT, ExecutionProvider.parse("tensorrt"));
        assertEquals(ExecutionProvider.CUDA, ExecutionProvider.parse("CUDA"));
        assertEquals(ExecutionProvider.CPU, ExecutionProvider.parse("cpu"));
        assertThrows(IllegalArgumentException.class, () -> ExecutionProvider.parse("rocm"));
    }

    @Test
    void defaultConfigIsAutoWithOneThread() {
        EngineConfig c = EngineConfig.defaults();
        assertEquals(ExecutionProvider.AUTO, c.provider());
        assertEquals(1, c.intraOpThreads());
        assertEquals(c, EngineConfig.defaults());
        assertThrows(IllegalArgumentException.class, () -> c.withIntraOpThreads(0));
    }
}
