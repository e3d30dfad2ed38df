package org.respike.models.api;

import org.respike.models.engine.ActionStream;
import org.respike.models.frame.Frame;

/** An {@link ActionStream} that hands its results to a {@link ResultSink} instead of returning them. */
public final class SinkStream implements AutoCloseable {
    private final ActionStream stream;
    private final ResultSink sink;

    SinkStream(ActionStream stream, ResultSink sink) {
        this.stream = stream;
        this.sink = sink;
    }

    public void push(Frame frame) {
        stream.push(frame).ifPresent(sink::accept);
    }

    /** End of stream: reports what is buffered, then starts over. */
    public void finish() {
        stream.finish().ifPresent(sink::accept);
    }

    public void reset() {
        stream.reset();
    }

    @Override
    public void close() {
        stream.close();
    }
}
