package org.respike.plugin.testelements;

import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertyValues;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;

/** Common logic of the test elements: their host, property values and lifecycle recording. */
abstract class TestLogic implements VideoElement {
    final ElementHost host;
    final PropertyValues props;

    TestLogic(ElementHost host, PropertyValues props) {
        this.host = host;
        this.props = props;
    }

    Recorder recorder() {
        return Recorder.of(host.name());
    }

    @Override
    public void start() throws Exception {
        recorder().starts.incrementAndGet();
    }

    @Override
    public void setFormat(VideoFormat format) {
        recorder().formats.add(format);
    }

    @Override
    public void flush() {
        recorder().flushes.incrementAndGet();
    }

    @Override
    public void eos() {
        recorder().eos.incrementAndGet();
    }

    @Override
    public void stop() {
        recorder().stops.incrementAndGet();
    }

    @Override
    public void close() {
        recorder().closed.incrementAndGet();
    }
}
