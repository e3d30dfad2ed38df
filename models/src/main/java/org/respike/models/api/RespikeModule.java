package org.respike.models.api;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.respike.models.bundle.ModelBundle;
import org.respike.models.engine.EngineConfig;
import org.respike.models.engine.InferenceEngine;

/**
 * Guice bindings for an application that embeds the engine: the {@link EngineConfig}, the opened bundle
 * ({@link InferenceEngine}, a singleton, and its {@link ModelBundle}) and, when given, the
 * {@link ResultSink}; {@link VideoClassifier} is then injectable. Whoever owns the injector closes the
 * engine at shutdown. Guice is an optional dependency of respike-models: an application using this module
 * declares {@code com.google.inject:guice} itself.
 */
public final class RespikeModule extends AbstractModule {
    private final Path bundleDir;
    private final EngineConfig config;
    private final ResultSink sink;

    /** Binds everything but the result sink, which the application binds itself. */
    public RespikeModule(Path bundleDir, EngineConfig config) {
        this(bundleDir, config, null);
    }

    public RespikeModule(Path bundleDir, EngineConfig config, ResultSink sink) {
        this.bundleDir = bundleDir;
        this.config = config;
        this.sink = sink;
    }

    @Override
    protected void configure() {
        bind(EngineConfig.class).toInstance(config);
        if (sink != null) {
            bind(ResultSink.class).toInstance(sink);
        }
    }

    @Provides
    @Singleton
    InferenceEngine engine(EngineConfig engineConfig) {
        return InferenceEngine.shared(bundleDir, engineConfig);
    }

    @Provides
    ModelBundle bundle(InferenceEngine engine) {
        return engine.bundle();
    }
}
