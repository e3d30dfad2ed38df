package org.respike.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLoadTest {
    static int search(int limit, int capacity, List<Integer> tried) throws Exception {
        return StreamLoad.capacity(limit, n -> {
            tried.add(n);
            return n <= capacity;
        });
    }

    @Test
    void findsTheCapacityBetweenTheLastPowerOfTwoAndTheLimit() throws Exception {
        List<Integer> tried = new ArrayList<>();
        assertEquals(44, search(48, 44, tried));
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 48, 40, 44, 46, 45), tried);
        assertEquals(48, search(48, 100, new ArrayList<>()));
        tried.clear();
        assertEquals(32, search(32, 100, tried));
        assertEquals(List.of(1, 2, 4, 8, 16, 32), tried, "a limit that held is not tried twice");
    }

    @Test
    void bisectsBelowAFailedDoubling() throws Exception {
        assertEquals(27, search(128, 27, new ArrayList<>()));
        assertEquals(0, search(128, 0, new ArrayList<>()));
        assertEquals(1, search(1, 5, new ArrayList<>()));
    }
}
