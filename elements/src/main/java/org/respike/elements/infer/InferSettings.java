package org.respike.elements.infer;

import java.nio.file.Path;
import org.respike.elements.RespikeHome;
import org.respike.elements.spi.PropertyValues;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.ExecutionProvider;
import org.respike.models.engine.StreamOptions;

/**
 * What respikeinfer reads from its properties when it starts (those flagged read-at-start); min-score is
 * read per result instead.
 *
 * @param fps frames per second fed to the model; 0 = the model's own rate
 * @param jsonOutput JSON lines file, "-" for standard output, empty for none
 */
record InferSettings(Path model, EngineConfig engine, String streamId, StreamOptions stream, double fps,
        String jsonOutput, boolean flushOnEos) {

    /** {@code elementName} is the stream id when the stream-id property is empty. */
    static InferSettings from(PropertyValues props, String elementName) {
        String streamId = props.string("stream-id");
        boolean flushOnEos = props.bool("flush-on-eos");
        return new InferSettings(
                RespikeHome.model(props.string("model")),
                EngineConfig.defaults()
                        .withProvider(ExecutionProvider.parse(props.string("device")))
                        .withDeviceId(props.integer("device-id"))
                        .withIntraOpThreads(props.integer("threads")),
                streamId.isEmpty() ? elementName : streamId,
                StreamOptions.defaults().withWindow(props.integer("window")).withCompletePartialGroup(flushOnEos),
                props.real("fps"),
                props.string("json-output"),
                flushOnEos);
    }
}
