package org.respike.elements.events;

/** A person's box in the analysed frame, in pixels (left, top, width, height). */
public record Box(double x, double y, double width, double height) {
}
