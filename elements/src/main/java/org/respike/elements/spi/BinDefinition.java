package org.respike.elements.spi;

import java.util.List;

/**
  * A convenience element that is a GstBin of other elements with one video sink and one video src
  * ghost pad. The properties of the children named in {@link #forwarded()} appear on the bin as they are
  * (same name, type, documentation and mutability) and go straight to the child; the bin's own
  * {@link #properties()} are routed to its children by {@link BinLogic}.
  */
public interface BinDefinition {

    String factoryName();

    ElementMetadata metadata();

    /** The bin's own properties, handled by its {@link BinLogic}. */
    List<PropertySpec> properties();

    /** Children whose properties the bin exposes under their own names; listed after the bin's own. */
    default List<ForwardedChild> forwarded() {
        return List.of();
    }

    /**
      * The children as a launch fragment, e.g. {@code videoconvert ! respikeinfer name=infer}.
      * The first element's sink pad and the last element's src pad become the bin's ghost pads.
      */
    String children();

    BinLogic create(BinHost host);

    /** A child (by its name in {@link #children()}) whose element's properties the bin exposes. */
    record ForwardedChild(String child, ElementDefinition definition) {}

    /** Routes changes of the bin's own properties to its children, and follows the bin's start and stop. */
    interface BinLogic {
        void setProperty(String name, Object value);

        Object getProperty(String name);

        /** READY to PAUSED, before the children start; {@code binName} is the bin's name now. */
        default void starting(String binName) {}

        /** PAUSED to READY, after the children stopped. */
        default void stopped() {}
    }

    /** The children of one bin instance, by name. */
    interface BinHost {
        void setChildProperty(String child, String property, Object value);

        Object getChildProperty(String child, String property);
    }
}
