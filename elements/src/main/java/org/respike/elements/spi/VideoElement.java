package org.respike.elements.spi;

/**
  * The logic of one element instance. The glue calls it from GStreamer's streaming thread (process,
  * flush, eos) and from the application thread (start, stop); an exception thrown here becomes an element
  * error on the bus and a flow error, never a crash of the host pipeline. Its properties are the
  * {@link PropertyValues} handed to {@link ElementDefinition#create}: the element reads those flagged
  * {@link PropertySpec#readAtStart()} in {@link #start}, the others when it uses them (per frame).
  */
public interface VideoElement extends AutoCloseable {

    /** READY to PAUSED: open resources (model bundles, files). Throwing fails the state change. */
    void start() throws Exception;

    /** Caps were negotiated (again, after a caps change mid-stream). */
    void setFormat(VideoFormat format);

    /** One buffer, in place. */
    void process(VideoFrame frame) throws Exception;

    /** A flush (FLUSH_STOP, e.g. after a flushing seek): the stream state must start over. DISCONT buffers
     * are flagged on the frame ({@link VideoFrame#discont()}) for the element to handle. */
    void flush();

    /** End of stream reached this element (before it is forwarded downstream); nothing to finish by default. */
    default void eos() {}

    /** PAUSED to READY: release what start opened. */
    void stop();

    /** The GObject is finalized; nothing beyond {@link #stop} to free by default. */
    @Override
    default void close() {}
}
