package org.respike.models.api;

import org.respike.models.engine.ActionResult;

/** Where an embedding application receives results (an NVR's event bus, a log, a queue). */
@FunctionalInterface
public interface ResultSink {
    void accept(ActionResult result);
}
