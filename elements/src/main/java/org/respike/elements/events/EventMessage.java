package org.respike.elements.events;

import java.util.UUID;
import org.respike.models.frame.Box;

/**
 * What goes out about one event: its start, a periodic update while it lasts, and its end. All three
 * carry the same {@code eventId}; {@code sequence} counts the messages of the stream (from 1), so a
 * consumer sees gaps and duplicates.
 *
 * @param last     the end of the latest clip that held the label: the event's end so far
 * @param end      on {@link Kind#END} only, else null
 * @param box      the track's latest box, null without a tracker
 * @param results  how many results held the label (their scores make the peak and the mean)
 * @param snapshot JPEG of the frame that started the event, null when none was taken
 */
public record EventMessage(Kind kind, UUID eventId, long sequence, String streamId, long trackId, Box box,
                           String label, boolean alert, StreamTime start, StreamTime last, StreamTime end,
                           double peakScore, double meanScore, int results, EndReason endReason, byte[] snapshot) {

    public enum Kind {
        START, UPDATE, END;

        public String jsonName() {
            return name().toLowerCase();
        }
    }

    public enum EndReason {
        /** The score stayed below the class's off score for its hold time. */
        SCORE,
        /** The track was not seen for the class's hold time, or the tracker said it was gone. */
        TRACK_LOST,
        /** The stream ended (EOS or the element stopped). */
        STREAM_END;

        public String jsonName() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
