package org.respike.elements.spi;

import java.util.List;

/**
  * A convenience element that is a GstBin of other elements with one video sink and one video src
  * ghost pad. Properties of the bin are routed to its children by {@link BinLogic}.
  */
public interface BinDefinition {

    String factoryName();

    ElementMetadata metadata();

    List<PropertySpec> properties();

    /**
      * The children as a launch fragment, e.g. {@code videorate name=rate ! videoconvert ! respikeinfer name=infer}.
      * The first element's sink pad and the last element's src pad become the bin's ghost pads.
      */
    String children();

    BinLogic create(BinHost host);

    /** Routes property changes of one bin instance to its children. */
    interface BinLogic {
        void setProperty(String name, Object value);

        Object getProperty(String name);
    }

    /** The children of one bin instance, by name. */
    interface BinHost {
        void setChildProperty(String child, String property, Object value);

        Object getChildProperty(String child, String property);

        /** Sets the {@code caps} property of a capsfilter child from a caps string. */
        void setChildCaps(String child, String caps);
    }
}
