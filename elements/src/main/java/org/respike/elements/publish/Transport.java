package org.respike.elements.publish;

/** One sink's client, driven by the publisher's sender thread only. */
interface Transport extends AutoCloseable {

    /** Makes sure a connection is up, blocking at most the send timeout; cheap when it is. */
    void connect() throws Exception;

    /** Sends one message and waits for the sink to acknowledge it (at most the send timeout). */
    void send(String key, byte[] payload) throws Exception;

    @Override
    void close();

    /** The sink refused this message for good (no right to the topic, too large): retrying won't help. */
    final class RejectedException extends Exception {
        RejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
