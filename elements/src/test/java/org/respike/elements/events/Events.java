package org.respike.elements.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.respike.models.engine.ActionResult;

/** Real event messages for publisher tests: {@code n} starts of fall events on one stream, one per result. */
public final class Events {

    private Events() {
    }

    public static List<EventMessage> falls(String stream, int n) {
        EventDetector d = new EventDetector(EventPolicy.defaults().withIgnored(Set.of("idle"))
                .withClasses("fall:min=0,hold=0"), Results.CLOCK);
        List<EventMessage> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            for (EventMessage m : d.accept(Results.at(stream, ActionResult.NO_TRACK, i, "fall", i % 2 == 0 ? 0.9 : 0.1))) {
                if (out.size() < n) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
