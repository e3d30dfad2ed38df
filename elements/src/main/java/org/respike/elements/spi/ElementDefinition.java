package org.respike.elements.spi;

import java.util.List;

/**
  * What a video element is, in plain Java: name, documentation, properties, caps and a factory for its
  * per-instance logic. The plugin module turns each definition into a GStreamer element factory (a
  * GstBaseTransform subclass working in place), so element logic is testable without GStreamer.
  */
public interface ElementDefinition {

    /** Factory name used in launch strings, e.g. {@code respikeinfer}. */
    String factoryName();

    ElementMetadata metadata();

    /** Properties in the order gst-inspect-1.0 should list them. */
    List<PropertySpec> properties();

    /** Caps of the sink pad template; the src template has the same caps (the element works in place). */
    String caps();

    /**
      * True when the element never writes the frame (analysis only); the glue then maps buffers read-only
      * and lets GStreamer pass them through without copies.
      */
    boolean readOnly();

    /**
      * Creates the logic of one element instance; called from the GObject instance init. {@code properties}
      * holds the instance's values, set and checked by the glue (or a test) and read by the element.
      */
    VideoElement create(ElementHost host, PropertyValues properties);
}
