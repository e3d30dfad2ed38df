package org.respike.elements.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.respike.elements.spi.ElementHost;

/** An ElementHost that records what an element posts. */
public final class RecordingHost implements ElementHost {

    public final List<Map<String, Object>> messages = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();

    @Override
    public String name() {
        return "test0";
    }

    @Override
    public void postElementMessage(String structureName, Map<String, Object> fields) {
        messages.add(fields);
    }

    @Override
    public void postWarning(String message) {
        warnings.add(message);
    }

    @Override
    public void log(LogLevel level, String message) {}
}
