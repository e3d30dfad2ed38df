package org.respike.elements.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.respike.elements.events.EventDetector;
import org.respike.elements.events.EventJson;
import org.respike.elements.events.EventMessage;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;
import org.respike.elements.spi.VideoFrame;
import org.respike.models.engine.ActionResult;

/**
 * One respikepublish instance: the respike-action meta of a buffer (the one that ends a clip) goes through
 * the event detector; each event message is posted on the bus and handed to the publisher, whose queue
 * push is all the streaming thread waits for. A flush or EOS ends the open events; EOS also delivers
 * the queue (within the close timeout) before the EOS goes on, and reports the counts.
 */
final class PublishElement implements VideoElement {

    /** Name of the element message that carries one event (fields: {@link EventJson#fields}). */
    static final String EVENT_MESSAGE = "respike-event";
    /** Name of the element message that counts what became of the events, at EOS and stop. */
    static final String STATS_MESSAGE = "respike-publish-stats";

    private final ElementHost host;
    private final PropertyValues props;
    /** Built at start from the properties read there. */
    private PublishSettings settings;
    private EventDetector detector;
    /** Open from the first event after start or EOS until EOS or stop. */
    private Publisher publisher;
    private final Map<EventMessage.Kind, Long> counts = new LinkedHashMap<>();

    PublishElement(ElementHost host, PropertyValues props) {
        this.host = host;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        settings = PublishSettings.from(props);
        detector = new EventDetector(settings.policy(), host::wallClock);
        host.log(ElementHost.LogLevel.INFO, "publishing to " + settings.publisher());
    }

    @Override
    public void setFormat(VideoFormat format) {
    }

    @Override
    public synchronized void process(VideoFrame frame) {
        frame.meta(ActionResult.NAME).ifPresent(fields -> emit(detector.accept(ActionResult.fromFields(fields))));
    }

    private void emit(List<EventMessage> messages) {
        for (EventMessage m : messages) {
            host.postElementMessage(EVENT_MESSAGE, EventJson.fields(m));
            if (publisher == null) {
                publisher = Publisher.open(settings.publisher(), host::postWarning);
            }
            publisher.publish(m);
            counts.merge(m.kind(), 1L, Long::sum);
        }
    }

    @Override
    public synchronized void flush() {
        emit(detector.endAll());
    }

    @Override
    public synchronized void eos() {
        emit(detector.endAll());
        closePublisher();
    }

    /** Delivers what is queued (at most the close timeout) and posts the counts. */
    private void closePublisher() {
        if (publisher == null) {
            return;
        }
        publisher.close();
        PublisherStats s = publisher.stats();
        publisher = null;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("starts", counts.getOrDefault(EventMessage.Kind.START, 0L));
        f.put("updates", counts.getOrDefault(EventMessage.Kind.UPDATE, 0L));
        f.put("ends", counts.getOrDefault(EventMessage.Kind.END, 0L));
        f.put("published", s.published());
        f.put("delivered", s.delivered());
        f.put("dropped", s.dropped());
        f.put("rejected", s.rejected());
        f.put("unsent", s.unsent());
        f.put("failures", s.failures());
        counts.clear();
        host.log(ElementHost.LogLevel.INFO, settings.publisher() + ": " + f);
        host.postElementMessage(STATS_MESSAGE, f);
    }

    @Override
    public synchronized void stop() {
        if (detector != null) {
            emit(detector.endAll());
        }
        closePublisher();
    }

    @Override
    public void close() {
        stop();
    }
}
