package org.respike.pipelines.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.respike.models.engine.ActionResult;
import org.respike.pipelines.catalogue.LaunchTemplate;
import org.respike.pipelines.run.PipelineRun;
import org.respike.plugin.gst.Pipelines;

/**
 * N file pipelines run side by side in this process as fast as they go, stream i decoding input i modulo the
 * number of inputs (one camera each): N streams are sustained in real time when all of them finish within
 * the videos' duration.
 */
final class StreamLoad {

    /** How N parallel streams went: wall and process CPU time, frames per second over all streams, the actions. */
    record Trial(int streams, double wallSeconds, double cpuSeconds, double videoSeconds, long framesPerStream,
            List<ActionResult> events) {
        boolean realTime() {
            return wallSeconds <= videoSeconds;
        }

        double framesPerSecond() {
            return streams * framesPerStream / wallSeconds;
        }
    }

    private final List<Path> inputs;
    private final double videoSeconds;
    private final long frames;

    /** @param inputs videos of {@code videoSeconds} and {@code frames} frames each */
    StreamLoad(List<Path> inputs, double videoSeconds, long frames) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input video");
        }
        this.inputs = List.copyOf(inputs);
        this.videoSeconds = videoSeconds;
        this.frames = frames;
    }

    /** The launch line of stream {@code i}. */
    String launch(String stage, int i) {
        return "filesrc location=" + LaunchTemplate.quote(inputs.get(i % inputs.size()).toString())
                + " ! decodebin ! videoconvert ! " + stage + " ! fakesink sync=false";
    }

    /** {@code stage}: what follows the decoder, e.g. "respikebin model=... device=cpu" or "identity". */
    Trial run(String stage, int streams) throws Exception {
        List<ActionResult> events = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            long t0 = System.nanoTime();
            long cpu0 = ProcessCpu.nanos();
            List<Future<Pipelines.Result>> runs = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String launch = launch(stage, i);
                runs.add(pool.submit(() -> PipelineRun.run(launch, events::add, 600_000)));
            }
            for (Future<Pipelines.Result> run : runs) {
                Pipelines.Result result = run.get();
                if (!result.ok()) {
                    throw new IllegalStateException(stage + ": " + result.message());
                }
            }
            return new Trial(streams, (System.nanoTime() - t0) / 1e9, (ProcessCpu.nanos() - cpu0) / 1e9, videoSeconds,
                    frames, List.copyOf(events));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The most streams that still run in real time, up to {@code limit}: doubling, then bisecting between the
     * last count that held and the first that did not.
     */
    int capacity(String stage, int limit, List<Trial> trials) throws Exception {
        return capacity(limit, n -> holds(stage, n, trials));
    }

    /** Whether N streams keep real time; a trial may fail. */
    interface Holds {
        boolean test(int streams) throws Exception;
    }

    /**
     * The search of {@link #capacity(String, int, List)}: when the doubling passes {@code limit}, the limit
     * itself is tried, so a capacity between the last power of two and the limit is found, not reported as
     * that power of two.
     */
    static int capacity(int limit, Holds holds) throws Exception {
        int ok = 0;
        int n = 1;
        while (n <= limit && holds.test(n)) {
            ok = n;
            n *= 2;
        }
        if (n > limit) {
            if (ok == limit || holds.test(limit)) {
                return limit;
            }
            n = limit;
        }
        int failed = n;
        while (failed - ok > 1) {
            int mid = (ok + failed) / 2;
            if (holds.test(mid)) {
                ok = mid;
            } else {
                failed = mid;
            }
        }
        return ok;
    }

    /** Runs {@code streams} streams once, records the trial, and tells whether they kept real time. */
    private boolean holds(String stage, int streams, List<Trial> trials) throws Exception {
        Trial t = run(stage, streams);
        trials.add(t);
        return t.realTime();
    }
}
