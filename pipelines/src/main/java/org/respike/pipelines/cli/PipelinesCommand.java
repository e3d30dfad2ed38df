package org.respike.pipelines.cli;

import org.respike.elements.RespikeHome;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.catalogue.PipelineCatalogue;
import picocli.CommandLine.Command;

/** respike pipelines: the catalogue of ready launch strings. */
@Command(name = "pipelines", description = "Lists the ready launch strings of pipelines/catalogue with their variables.")
final class PipelinesCommand implements Runnable {

    @Override
    public void run() {
        for (LaunchTemplate t : PipelineCatalogue.load(RespikeHome.root().resolve("pipelines/catalogue")).all()) {
            System.out.println(t.name() + ": " + t.description() + t.describeVariables() + "\n");
        }
    }
}
