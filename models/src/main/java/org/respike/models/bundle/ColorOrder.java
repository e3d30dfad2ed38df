package org.respike.models.bundle;

/** Channel order the graphs expect in their input planes. */
public enum ColorOrder {
    RGB,
    BGR
}
