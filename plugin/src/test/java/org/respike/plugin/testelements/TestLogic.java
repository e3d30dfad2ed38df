package org.respike.plugin.testelements;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.respike.elements.spi.ElementHost;
import org.respike.elements.spi.PropertySpec;
import org.respike.elements.spi.VideoElement;
import org.respike.elements.spi.VideoFormat;

/** Common logic of the test elements: property values and lifecycle recording. */
abstract class TestLogic implements VideoElement {
    final ElementHost host;
    final Map<String, Object> values = new ConcurrentHashMap<>();

    TestLogic(ElementHost host, List<PropertySpec> specs) {
        this.host = host;
        for (PropertySpec spec : specs) {
            values.put(spec.name(), spec.defaultValue());
        }
    }

    int integer(String name) {
        return ((Number) values.get(name)).intValue();
    }

    Recorder recorder() {
        return Recorder.of(host.name());
    }

    @Override
    public void setProperty(String name, Object value) {
        values.put(name, value);
    }

    @Override
    public Object getProperty(String name) {
        return values.get(name);
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
