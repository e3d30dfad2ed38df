package org.respike.models.frame;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameClockTest {
    private static final long FRAME = 125_000_000L;

    @Test
    void timesGoingBackRestartWithAWarningUnlessTheStreamWasReset() {
        FrameClock clock = new FrameClock(8, 2_000_000_000L);
        for (int i = 0; i < 8; i++) {
            assertFalse(clock.next(i * FRAME, i * FRAME, FRAME).restart());
        }
        FrameClock.Tick back = clock.next(0, 0, FRAME);
        assertTrue(back.restart());
        assertNotNull(back.warning());

        clock.next(FRAME, FRAME, FRAME);
        clock.reset(); // a flush or a seek: the times start over on purpose
        FrameClock.Tick fresh = clock.next(0, 0, FRAME);
        assertFalse(fresh.restart());
        assertNull(fresh.warning());
    }
}
