package org.respike.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.respike.models.engine.ActionResult;
import org.respike.elements.RespikeHome;
import org.respike.elements.events.EventPolicy;
import org.respike.models.bundle.Manifest;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.demo.GroundTruth;
import org.respike.pipelines.demo.PeopleEvents;
import org.respike.pipelines.demo.PeopleTruth;
import org.respike.pipelines.demo.TrackScore;
import org.respike.pipelines.run.FileClassification;
import org.respike.pipelines.run.FileClassifier;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** respike tracks: per-person recognition on a multi-person video, scored against its per-person truth. */
@Command(name = "tracks", description = {
        "Runs a multi-person video with per-person ground truth (the recipe's render --multi) through respikebin",
        "with each roi mode asked for and scores each person: clip accuracy of the results matched to them, id",
        "switches, fragmented tracks, stalls, people in view, and each track's events (the default event policy)",
        "against its person's timeline, raw result runs beside. With --clips, also the same model's accuracy on",
        "single-person clips (the recipe's clips with labels.csv) for comparison. Writes tracks.json and each",
        "mode's results as JSON lines."})
final class TracksCommand implements Callable<Integer> {

    @Mixin
    ModelOptions options;

    @Option(names = "--video", paramLabel = "FILE", description = "Multi-person video (default: "
            + "pipelines/samples/multi_1.mp4).")
    Path video;

    @Option(names = "--truth", paramLabel = "FILE", description = "Its per-person truth JSON (default: the video's "
            + "name with .json).")
    Path truthFile;

    @Option(names = "--roi", split = ",", defaultValue = "motion,frame", description = "respikebin roi modes to "
            + "run, in order (default: ${DEFAULT-VALUE}: per-person tracks, and whole frames as the baseline).")
    List<String> rois;

    @Option(names = "--clips", paramLabel = "DIR", description = "Also classify these single-person clips "
            + "(a folder of the recipe's clips with labels.csv) with the same model.")
    Path clips;

    @Option(names = "--stall-groups", defaultValue = "0", description = "A person in view this many groups in a row "
            + "without a result is a stall (default: two clips' worth of groups).")
    int stallGroups;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/tracks", description = "Output folder "
            + "(default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path root = RespikeHome.root();
        Path videoFile = (video != null ? video : root.resolve("pipelines/samples/multi_1.mp4")).toAbsolutePath();
        Path truthPath = truthFile != null ? truthFile
                : GroundTruth.besideVideo(videoFile);
        PeopleTruth truth = PeopleTruth.read(truthPath);
        Path modelDir = RespikeHome.model(options.model);
        Manifest manifest = Manifest.read(modelDir.resolve(Manifest.FILE));
        int groupFrames = Math.max(1, (int) Math.round(manifest.stride() * truth.fps() / manifest.fps()));
        int stall = stallGroups > 0 ? stallGroups : 2 * manifest.groupsPerClip();
        for (String roi : rois) {
            if (!List.of("frame", "motion", "upstream").contains(roi)) {
                throw new IllegalArgumentException("--roi " + roi + ": not one of frame, motion, upstream");
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("video", videoFile.toString());
        report.put("model", modelDir.toString());
        report.put("frames", truth.frames());
        report.put("fps", truth.fps());
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        for (String roi : rois) {
            List<ActionResult> results = run(videoFile, roi, modelDir);
            List<String> lines = new ArrayList<>();
            for (ActionResult a : results) {
                lines.add(json.writeValueAsString(a.fields()));
            }
            Files.write(out.resolve("results-roi-" + roi + ".jsonl"), lines);
            TrackScore score = TrackScore.of(results, truth, groupFrames, stall);
            Map<String, Object> modeReport = new LinkedHashMap<>(score.json());
            System.out.println("roi=" + roi + ": " + score);
            if (!roi.equals("frame")) {
                PeopleEvents events = PeopleEvents.of(results, truth, groupFrames, EventPolicy.defaults());
                modeReport.put("events", events.json());
                System.out.println("roi=" + roi + " " + events);
            }
            report.put("roi=" + roi, modeReport);
        }
        if (clips != null) {
            Map<String, Object> single = singlePerson(modelDir);
            report.put("single_person_clips", single);
            System.out.printf(Locale.ROOT, "single-person clips: %d, clip accuracy %.1f%%%n", single.get("clips"),
                    100 * (Double) single.get("clip_accuracy"));
        }
        Path file = out.resolve("tracks.json");
        json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println("wrote " + file);
        return 0;
    }

    private List<ActionResult> run(Path videoFile, String roi, Path modelDir) {
        String launch = "filesrc location=" + LaunchTemplate.quote(videoFile.toString()) + " ! decodebin ! respikebin roi="
                + roi + " model=" + LaunchTemplate.quote(modelDir.toString()) + " device=" + options.device
                + " ! fakesink sync=false";
        List<ActionResult> results = Collections.synchronizedList(new ArrayList<>());
        Pipelines.Result result = PipelineRun.run(launch, results::add, 0);
        if (!result.ok()) {
            throw new IllegalStateException("roi=" + roi + ": " + result.message());
        }
        return List.copyOf(results);
    }

    /** Each clip of labels.csv classified whole; right when its label is the file's class. */
    private Map<String, Object> singlePerson(Path modelDir) throws IOException {
        List<String> rows = Files.readAllLines(clips.resolve("labels.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int fileColumn = header.indexOf("file");
        int classColumn = header.indexOf("class");
        if (fileColumn < 0 || classColumn < 0) {
            throw new IOException(clips.resolve("labels.csv") + ": needs columns file and class");
        }
        int correct = 0;
        int total = 0;
        List<String> failed = new ArrayList<>();
        try (FileClassifier classifier = new FileClassifier(modelDir.toString(), options.device, 600_000)) {
            for (String row : rows.subList(1, rows.size())) {
                String[] cells = row.split(",");
                FileClassification c = classifier.classify(clips.resolve(cells[fileColumn]));
                if (!c.ok()) {
                    failed.add(c.file() + ": " + c.error());
                    continue;
                }
                total++;
                correct += c.label().equals(cells[classColumn]) ? 1 : 0;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", clips.toAbsolutePath().toString());
        m.put("clips", total);
        m.put("correct", correct);
        m.put("clip_accuracy", total == 0 ? 0.0 : (double) correct / total);
        m.put("failed", failed);
        return m;
    }
}
