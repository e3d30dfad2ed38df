package org.respike.pipelines.cli;

import picocli.CommandLine.Option;

/** The model and execution-provider options shared by the commands. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "DIR", defaultValue = "",
            description = "Model bundle folder (default: the bundled models/bundles/respike-hybrid).")
    String model;

    @Option(names = "--device", paramLabel = "PROVIDER", defaultValue = "auto",
            description = "Execution provider: auto, cpu, cuda or tensorrt (default: ${DEFAULT-VALUE}).")
    String device;
}
