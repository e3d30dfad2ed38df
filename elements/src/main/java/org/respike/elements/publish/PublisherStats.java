package org.respike.elements.publish;

/**
 * What became of the events handed to a publisher. {@code published} = {@code delivered} +
 * {@code dropped} + {@code rejected} + {@code unsent} + {@code queued}; delivery is at least once, so a
 * message whose acknowledgement was lost may be delivered twice (consumers de-duplicate on
 * event id and kind, or stream id and sequence).
 *
 * @param dropped  pushed out of the full queue (the sink could not keep up, or was away)
 * @param rejected refused by the sink for good (no right to the topic)
 * @param unsent   still queued when close gave up
 * @param failures failed connects and sends (each retried)
 */
public record PublisherStats(long published, long delivered, long dropped, long rejected, long unsent, int queued,
                             long failures) {
}
