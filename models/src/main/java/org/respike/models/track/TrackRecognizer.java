package org.respike.models.track;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.respike.models.bundle.Manifest;
import org.respike.models.engine.ActionResult;
import org.respike.models.engine.ActionStream;
import org.respike.models.engine.InferenceEngine;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;

/**
 * Per-person action recognition on a wide scene: for each track id in the regions of a frame, the frame
 * is cut to that track's crop and pushed to the track's own {@link org.respike.models.engine.ActionStream},
 * so every person gets clips at the model's input size instead of a few pixels of a shrunk frame. Keyed
 * by track id, not by box position, so a moving person's clip does not restart when the box moves.
 *
 * <p>A track unseen for {@code maxMissedFrames} frames is finished: its partial clip comes out as at end
 * of stream and its stream is closed. Bad input never throws: malformed boxes are dropped or clipped,
 * tracks past {@code maxTracks} are refused, each counted in {@link #counters()} and reported through the
 * warning callback (the cap once, malformed boxes at the 1st, 10th, 100th ... time).
 *
 * <p>The tracks of a frame go to the engine together ({@link InferenceEngine#pushAll}): when it batches,
 * tracks at the same point of their groups share one call of each graph.
 *
 * <p>Frames go in at the model's frame rate, in order, from one thread.
 */
public final class TrackRecognizer implements AutoCloseable {
    private final InferenceEngine engine;
    private final String streamId;
    private final TrackOptions options;
    private final Consumer<String> warnings;
    private final CropPlanner planner;
    private final int groupFrames;
    private final Map<Long, TrackState> tracks = new LinkedHashMap<>();

    private long frameIndex;
    private long dropped;
    private long clipped;
    private long refused;
    private long finished;

    /**
     * @param streamId prefix of the tracks' stream ids (the camera)
     * @param warnings where a one-line warning goes (an element posts it on the bus)
     */
    public TrackRecognizer(InferenceEngine engine, String streamId, TrackOptions options, Consumer<String> warnings) {
        this.engine = engine;
        this.streamId = streamId;
        this.options = options;
        this.warnings = warnings;
        Manifest m = engine.bundle().manifest();
        this.planner = new CropPlanner(options.context(), (double) m.input().width() / m.input().height());
        this.groupFrames = m.stride();
    }

    /**
     * One frame and the tracked regions in it (any order, possibly none). Returns the clips completed
     * by this frame: of tracks in it, and of tracks that have now been unseen for too long.
     */
    public List<TrackResult> push(Frame frame, List<TrackedRegion> regions) {
        frameIndex++;
        List<TrackState> seen = new ArrayList<>(regions.size());
        List<Frame> crops = new ArrayList<>(regions.size());
        for (TrackedRegion region : regions) {
            Box box = region.box() == null ? null : region.box().clip(frame.width(), frame.height());
            if (box == null) {
                dropped = warnAt(dropped, "region of track " + region.trackId() + " dropped: box " + region.box()
                        + " is empty, not finite or outside the " + frame.width() + "x" + frame.height() + " frame");
                continue;
            }
            if (box != region.box()) {
                clipped++;
            }
            TrackState track = tracks.get(region.trackId());
            if (track == null) {
                track = open(region.trackId());
                if (track == null) {
                    continue;
                }
            } else if (track.lastSeen() == frameIndex) {
                dropped = warnAt(dropped, "second region of track " + region.trackId() + " in one frame dropped");
                continue;
            }
            crops.add(track.observe(frame, box, region.label(), frameIndex));
            seen.add(track);
        }
        List<TrackResult> results = new ArrayList<>(0);
        collect(seen, engine.pushAll(streams(seen), crops), results);
        expire(results);
        return results;
    }

    /** End of stream: the buffered clip of every live track; then no track is live. */
    public List<TrackResult> finish() {
        List<TrackResult> results = new ArrayList<>();
        finish(new ArrayList<>(tracks.values()), results);
        tracks.clear();
        return results;
    }

    /** Seek or discontinuity: every track dropped without a result. */
    public void reset() {
        tracks.values().forEach(TrackState::close);
        tracks.clear();
    }

    public int liveTracks() {
        return tracks.size();
    }

    /** The crop of the track's current group, if the track is live. */
    public Optional<CropRect> crop(long trackId) {
        return Optional.ofNullable(tracks.get(trackId)).map(TrackState::crop);
    }

    public TrackCounters counters() {
        return new TrackCounters(dropped, clipped, refused, finished);
    }

    @Override
    public void close() {
        reset();
    }

    private TrackState open(long trackId) {
        if (tracks.size() >= options.maxTracks()) {
            if (refused++ == 0) {
                warnings.accept(options.maxTracks() + " tracks live: regions of further tracks are ignored until one"
                        + " ends (track " + trackId + " is the first refused)");
            }
            return null;
        }
        TrackState t = new TrackState(trackId, engine.openStream(streamId + "#" + trackId, options.stream()),
                new BoxFilter(options.positionGain(), options.velocityGain(), options.sizeGain()), planner,
                groupFrames);
        tracks.put(trackId, t);
        return t;
    }

    private void expire(List<TrackResult> results) {
        List<TrackState> expired = new ArrayList<>(0);
        for (Iterator<TrackState> it = tracks.values().iterator(); it.hasNext();) {
            TrackState t = it.next();
            if (frameIndex - t.lastSeen() >= options.maxMissedFrames()) {
                expired.add(t);
                it.remove();
            }
        }
        finished += expired.size();
        finish(expired, results);
    }

    /** The buffered clips of {@code ending}, finished together, into {@code results}; then their streams close. */
    private void finish(List<TrackState> ending, List<TrackResult> results) {
        try {
            collect(ending, engine.finishAll(streams(ending)), results);
        } finally {
            ending.forEach(TrackState::close);
        }
    }

    private static void collect(List<TrackState> from, List<Optional<ActionResult>> outcomes, List<TrackResult> into) {
        for (int i = 0; i < from.size(); i++) {
            from.get(i).result(outcomes.get(i)).ifPresent(into::add);
        }
    }

    private static List<ActionStream> streams(List<TrackState> states) {
        List<ActionStream> streams = new ArrayList<>(states.size());
        for (TrackState t : states) {
            streams.add(t.stream());
        }
        return streams;
    }

    /** Counts one more; warns at the 1st, 10th, 100th ... so a flood stays visible without flooding. */
    private long warnAt(long count, String message) {
        long n = count + 1;
        if (isPowerOfTen(n)) {
            warnings.accept(message + " (" + n + (n == 1 ? " so far)" : " such regions so far)"));
        }
        return n;
    }

    private static boolean isPowerOfTen(long n) {
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
