package org.respike.pipelines.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchTemplateTest {

    @TempDir
    Path dir;

    private LaunchTemplate write(String text) throws Exception {
        Path f = dir.resolve("demo.launch");
        Files.writeString(f, text);
        return LaunchTemplate.read(f);
    }

    @Test
    void readsDescriptionVariablesSubstitutionsAndJoinedBody() throws Exception {
        LaunchTemplate t = write("""
                # Does a thing.
                # var URI: where from
                # test-substitute: nvv4l2decoder -> avdec_h264
                uridecodebin uri=${URI}
                  ! nvv4l2decoder ! fakesink
                """);
        assertEquals("demo", t.name());
        assertEquals("Does a thing.", t.description());
        assertEquals(Map.of("URI", "where from"), t.variables());
        assertEquals("uridecodebin uri=\"file:///a b.mp4\" ! nvv4l2decoder ! fakesink",
                t.render(Map.of("URI", "file:///a b.mp4")));
        assertEquals("uridecodebin uri=\"x\" ! avdec_h264 ! fakesink", t.renderForTest(Map.of("URI", "x")));
    }

    @Test
    void missingValueNamesTheVariableAndItsMeaning() throws Exception {
        LaunchTemplate t = write("# var URI: where from\nuridecodebin uri=${URI} ! fakesink\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.render(Map.of()));
        assertTrue(e.getMessage().contains("URI: where from"), e.getMessage());
    }

    @Test
    void aVariableWithADefaultMayBeLeftOut() throws Exception {
        LaunchTemplate t = write("# var DEVICE: where it runs (default: auto)\nrespikeinfer device=${DEVICE} ! fakesink\n");
        assertEquals(Map.of("DEVICE", "auto"), t.defaults());
        assertEquals("respikeinfer device=\"auto\" ! fakesink", t.render(Map.of()));
        assertEquals("respikeinfer device=\"cpu\" ! fakesink", t.render(Map.of("DEVICE", "cpu")));
    }

    @Test
    void undeclaredVariableIsRejectedWhenRead() {
        assertThrows(IllegalArgumentException.class, () -> write("fakesrc ! filesink location=${OUT}\n"));
    }

    @Test
    void quotesEscapeQuotesAndBackslashes() {
        assertEquals("\"a\\\"b\\\\c\"", LaunchTemplate.quote("a\"b\\c"));
        assertFalse(LaunchTemplate.quote("plain").contains("\\"));
    }

    @Test
    void everyCatalogueFileReadsAndDeclaresItsVariables() {
        Path catalogue = Path.of(System.getProperty("respike.root", "..")).resolve("pipelines/catalogue");
        PipelineCatalogue all = PipelineCatalogue.load(catalogue);
        assertEquals(8, all.all().size());
        for (LaunchTemplate t : all.all()) {
            assertFalse(t.description().isEmpty(), t.name() + " has a description");
            assertFalse(t.variables().isEmpty(), t.name() + " declares its variables");
        }
    }
}
