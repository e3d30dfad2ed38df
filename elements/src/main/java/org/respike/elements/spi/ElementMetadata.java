package org.respike.elements.spi;

/**
  * The element's documentation as gst-inspect-1.0 shows it.
  *
  * @param longName human-readable name
  * @param klass classification, e.g. {@code Filter/Analyzer/Video}
  * @param description what the element does, ending with an example launch line that really runs
  * @param author author line
  */
public record ElementMetadata(String longName, String klass, String description, String author) {}
