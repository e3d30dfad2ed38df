package org.respike.models.api;

import java.nio.file.Path;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.engine.StreamOptions;

/**
 * The embedding facade: a model bundle opened for classification, in a few lines and without GStreamer.
 *
 * <pre>{@code
 * try (Respike respike = Respike.open(Path.of("models/bundles/respike-hybrid"));
 *      ActionStream camera = respike.openStream("cam-1")) {
 *     for (Frame frame : frames) {
 *         camera.push(frame).ifPresent(r -> System.out.println(r.label() + " " + r.score()));
 *     }
 * }
 * }</pre>
 *
 * or with a listener: {@code respike.openStream("cam-1", result -> ...)}, or straight from a file or RTSP
 * URL: {@code new VideoClassifier(respike).classify(uri, result -> ...)}.
 */
public final class Respike implements AutoCloseable {
    private final InferenceEngine engine;

    Respike(InferenceEngine engine) {
        this.engine = engine;
    }

    /** Opens a bundle on the best available execution provider (TensorRT, CUDA, else CPU). */
    public static Respike open(Path bundle) {
        return open(bundle, EngineConfig.defaults());
    }

    public static Respike open(Path bundle, EngineConfig config) {
        return new Respike(InferenceEngine.shared(bundle, config));
    }

    public ActionStream openStream(String streamId) {
        return engine.openStream(streamId, StreamOptions.defaults());
    }

    public ActionStream openStream(String streamId, StreamOptions options) {
        return engine.openStream(streamId, options);
    }

    /** A stream whose results go to {@code sink}. */
    public SinkStream openStream(String streamId, ResultSink sink) {
        return new SinkStream(engine.openStream(streamId, StreamOptions.defaults()), sink);
    }

    public ModelBundle bundle() {
        return engine.bundle();
    }

    public String providerName() {
        return engine.providerName();
    }

    public InferenceEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
