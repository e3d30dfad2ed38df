package org.respike.elements.infer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.respike.elements.RespikeHome;
import org.respike.elements.spi.PropertyValues;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.ExecutionProvider;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;
import org.respike.models.track.TrackOptions;

/**
 * What respikeinfer reads from its properties when it starts (those flagged read-at-start); min-score is
 * read per result instead. Public for applications that run respikeinfer pipelines and want to hold its
 * engine open between them: {@code InferSettings.of(properties).openEngine()} opens the very engine
 * (bundle and config, so the same shared sessions) that respikeinfer opens with those properties.
 *
 * @param fps frames per second fed to the model; 0 = the model's own rate
 * @param jsonOutput JSON lines file, "-" for standard output, empty for none
 * @param regions true to recognise each tracked region of interest (inference-region=roi-list) rather than
 *     whole frames
 * @param tracks per-track options when {@code regions}; their stream options are {@code stream}
 */
public record InferSettings(Path model, EngineConfig engine, String streamId, StreamOptions stream, double fps,
        String jsonOutput, boolean flushOnEos, boolean regions, TrackOptions tracks) {

    /** The settings respikeinfer starts with when its properties have {@code values} (the rest their defaults). */
    public static InferSettings of(Map<String, ?> values) {
        PropertyValues props = new PropertyValues(InferElementDefinition.PROPERTIES);
        values.forEach(props::set);
        return from(props, "");
    }

    /** {@code elementName} is the stream id when the stream-id property is empty. */
    static InferSettings from(PropertyValues props, String elementName) {
        String streamId = props.string("stream-id");
        boolean flushOnEos = props.bool("flush-on-eos");
        StreamOptions stream = StreamOptions.defaults().withWindow(props.integer("window"))
                .withCompletePartialGroup(flushOnEos).withStaticThreshold((float) props.real("static-threshold"))
                .withClipStride(props.integer("clip-stride"));
        return new InferSettings(
                RespikeHome.model(props.string("model")),
                EngineConfig.defaults()
                        .withProvider(ExecutionProvider.parse(props.string("device")))
                        .withDeviceId(props.integer("device-id"))
                        .withIntraOpThreads(props.integer("threads"))
                        .withBatching(props.integer("max-batch"), Duration.ofMillis(props.integer("max-wait"))),
                streamId.isEmpty() ? elementName : streamId,
                stream,
                props.real("fps"),
                props.string("json-output"),
                flushOnEos,
                props.string("inference-region").equals("roi-list"),
                TrackOptions.defaults().withStream(stream).withMaxTracks(props.integer("max-tracks"))
                        .withMaxMissedFrames(props.integer("track-timeout")));
    }

    /** A handle on the engine for these settings, shared with every respikeinfer started with them. */
    public InferenceEngine openEngine() {
        return InferenceEngine.shared(model, engine);
    }
}
