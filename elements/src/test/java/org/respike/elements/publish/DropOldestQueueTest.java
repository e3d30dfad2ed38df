package org.respike.elements.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DropOldestQueueTest {

    @Test
    void aFullQueueDropsTheOldestButNotTheOneBeingSent() throws InterruptedException {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(3);
        for (int i = 1; i <= 3; i++) {
            assertTrue(q.offer(i));
        }
        assertFalse(q.offer(4), "1 dropped");
        assertEquals(2, q.takeHead());
        assertFalse(q.offer(5), "3 dropped: 2 is in flight");
        q.releaseHead();
        assertEquals(2, q.takeHead());
        q.removeHead();
        assertEquals(4, q.takeHead());
        q.removeHead();
        assertEquals(5, q.takeHead());
        q.removeHead();
        q.close();
        assertFalse(q.awaitNonEmpty(), "closed and empty");
    }

    @Test
    void aQueueOfOneKeepsTheEventInFlight() {
        DropOldestQueue<Integer> q = new DropOldestQueue<>(1);
        q.offer(1);
        q.takeHead();
        assertFalse(q.offer(2));
        assertEquals(1, q.size());
        assertEquals(1, q.takeHead());
        assertEquals(1, q.abandon());
    }
}
