package org.respike.elements.spi;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An {@link ElementDefinition} made of values. Subclasses only pass their values to this constructor: the
 * ServiceLoader that the plugin uses needs one public no-argument class per element.
 */
public abstract class BasicElementDefinition implements ElementDefinition {

    private final String factoryName;
    private final ElementMetadata metadata;
    private final List<PropertySpec> properties;
    private final String caps;
    private final boolean readOnly;
    private final BiFunction<ElementHost, PropertyValues, VideoElement> factory;

    protected BasicElementDefinition(String factoryName, ElementMetadata metadata, List<PropertySpec> properties,
            String caps, boolean readOnly, BiFunction<ElementHost, PropertyValues, VideoElement> factory) {
        this.factoryName = factoryName;
        this.metadata = metadata;
        this.properties = List.copyOf(properties);
        this.caps = caps;
        this.readOnly = readOnly;
        this.factory = factory;
    }

    @Override
    public final String factoryName() {
        return factoryName;
    }

    @Override
    public final ElementMetadata metadata() {
        return metadata;
    }

    @Override
    public final List<PropertySpec> properties() {
        return properties;
    }

    @Override
    public final String caps() {
        return caps;
    }

    @Override
    public final boolean readOnly() {
        return readOnly;
    }

    @Override
    public final VideoElement create(ElementHost host, PropertyValues properties) {
        return factory.apply(host, properties);
    }
}
