package org.respike.elements.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.respike.models.engine.ActionResult;
import org.respike.models.frame.Box;

/**
 * Turns the stream of classifier results into events, per stream, per track (a result's track id, or
 * {@link ActionResult#NO_TRACK}: the stream's one track) and per class, by the hysteresis of
 * {@link ClassPolicy}. Results of one stream must come in running-time order; streams are independent.
 * Thread-safe (one lock: it does a few map look-ups per result).
 */
public final class EventDetector {

    private final EventPolicy policy;
    private final LongFunction<Instant> wallClock;
    private final Function<ActionResult, byte[]> snapshots;
    private final Map<String, StreamState> streams = new HashMap<>();

    /**
     * {@code wallClock} gives the UTC time of a running time (the pipeline's clock); {@code snapshots} is
     * asked once per event, with the result that starts it, while the caller still holds that result's
     * frame: it returns the JPEG to send with the event, or null.
     */
    public EventDetector(EventPolicy policy, LongFunction<Instant> wallClock,
            Function<ActionResult, byte[]> snapshots) {
        this.policy = policy;
        this.wallClock = wallClock;
        this.snapshots = snapshots;
    }

    public EventDetector(EventPolicy policy, LongFunction<Instant> wallClock) {
        this(policy, wallClock, r -> null);
    }

    /** The messages this result causes, in order: ends of other tracks' events first. */
    public synchronized List<EventMessage> accept(ActionResult r) {
        Instant utc = wallClock.apply(r.start());
        long runningEnd = Math.max(r.start(), r.end());
        Clip clip = new Clip(r, new StreamTime(r.start(), r.ptsStart(), utc),
                new StreamTime(runningEnd, r.ptsEnd(), utc.plusNanos(runningEnd - r.start())));
        StreamState stream = streams.computeIfAbsent(r.streamId(), StreamState::new);
        List<EventMessage> out = new ArrayList<>();
        stream.sweepLostTracks(r.trackId(), runningEnd, out);
        TrackState track = stream.tracks.computeIfAbsent(r.trackId(), id -> new TrackState());
        track.lastSeen = runningEnd;
        Set<String> classes = new LinkedHashSet<>(r.scores().keySet());
        classes.add(r.label());
        classes.addAll(track.candidates.keySet());
        for (String c : classes) {
            if (policy.makesEvents(c)) {
                step(stream, track, c, clip, out);
            }
        }
        return out;
    }

    /** Ends the open events of a track the tracker reports gone, at the end of their last clip. */
    public synchronized List<EventMessage> trackLost(String streamId, long trackId) {
        List<EventMessage> out = new ArrayList<>();
        StreamState stream = streams.get(streamId);
        TrackState track = stream == null ? null : stream.tracks.remove(trackId);
        if (track != null) {
            stream.endAll(track, EventMessage.EndReason.TRACK_LOST, out);
        }
        return out;
    }

    /** Ends every open event of the stream (EOS, flush, element stopped) and forgets the stream. */
    public synchronized List<EventMessage> endStream(String streamId) {
        List<EventMessage> out = new ArrayList<>();
        StreamState stream = streams.remove(streamId);
        if (stream != null) {
            stream.tracks.values().forEach(t -> stream.endAll(t, EventMessage.EndReason.STREAM_END, out));
        }
        return out;
    }

    /** {@link #endStream} for every stream. */
    public synchronized List<EventMessage> endAll() {
        List<EventMessage> out = new ArrayList<>();
        for (String id : List.copyOf(streams.keySet())) {
            out.addAll(endStream(id));
        }
        return out;
    }

    private void step(StreamState stream, TrackState track, String className, Clip g, List<EventMessage> out) {
        double s = g.scoreOf(className);
        Candidate c = track.candidates.get(className);
        if (c == null) {
            ClassPolicy p = policy.of(className);
            if (s >= p.onScore()) {
                c = new Candidate(className, p, g);
                track.candidates.put(className, c);
                openIfHeld(stream, c, g, out);
            }
        } else if (!c.open) {
            if (s >= c.policy.onScore()) {
                c.hold(g, s);
                openIfHeld(stream, c, g, out);
            } else {
                track.candidates.remove(className);
            }
        } else if (s >= c.policy.offScore()) {
            c.hold(g, s);
            long interval = policy.updateInterval().toNanos();
            if (interval > 0 && g.runningEnd() - c.lastReported >= interval) {
                c.lastReported = g.runningEnd();
                out.add(stream.message(EventMessage.Kind.UPDATE, c, null));
            }
        } else if (g.runningEnd() - c.last.runningTimeNanos() >= c.policy.holdTime().toNanos()) {
            track.candidates.remove(className);
            out.add(stream.message(EventMessage.Kind.END, c, EventMessage.EndReason.SCORE));
        }
    }

    private void openIfHeld(StreamState stream, Candidate c, Clip g, List<EventMessage> out) {
        if (g.runningEnd() - c.firstHeldEnd >= c.policy.minDuration().toNanos()) {
            c.open = true;
            c.lastReported = g.runningEnd();
            c.snapshot = snapshots.apply(g.result());
            out.add(stream.message(EventMessage.Kind.START, c, null));
        }
    }

    /** A result with its start and end on the three clocks. */
    private record Clip(ActionResult result, StreamTime start, StreamTime end) {
        long runningEnd() {
            return end.runningTimeNanos();
        }

        /** The score of {@code className}; a class missing from the scores scores 0 (the top label: its score). */
        double scoreOf(String className) {
            Double s = result.scores().get(className);
            if (s != null) {
                return s;
            }
            return className.equals(result.label()) ? result.score() : 0.0;
        }
    }

    /** One class on one track: pending until held long enough, then open until it ends. */
    private static final class Candidate {
        final String className;
        final ClassPolicy policy;
        final long trackId;
        final StreamTime start;
        final long firstHeldEnd;
        final UUID id = UUID.randomUUID();
        boolean open;
        StreamTime last;
        Box box;
        double peak;
        double sum;
        int results;
        long lastReported;
        byte[] snapshot;

        Candidate(String className, ClassPolicy policy, Clip first) {
            this.className = className;
            this.policy = policy;
            this.trackId = first.result().trackId();
            this.start = first.start();
            this.firstHeldEnd = first.runningEnd();
            hold(first, first.scoreOf(className));
        }

        void hold(Clip g, double score) {
            last = g.end();
            box = g.result().box();
            peak = Math.max(peak, score);
            sum += score;
            results++;
        }
    }

    private static final class TrackState {
        final Map<String, Candidate> candidates = new LinkedHashMap<>();
        long lastSeen;
    }

    private static final class StreamState {
        final String streamId;
        final Map<Long, TrackState> tracks = new LinkedHashMap<>();
        long sequence;

        StreamState(String streamId) {
            this.streamId = streamId;
        }

        /** Tracks other than {@code current} unseen for longer than their events' hold end those events. */
        void sweepLostTracks(long current, long now, List<EventMessage> out) {
            for (Iterator<Map.Entry<Long, TrackState>> it = tracks.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, TrackState> e = it.next();
                if (e.getKey() == current) {
                    continue;
                }
                TrackState t = e.getValue();
                t.candidates.values().removeIf(c -> {
                    boolean lost = now - t.lastSeen > c.policy.holdTime().toNanos();
                    if (lost && c.open) {
                        out.add(message(EventMessage.Kind.END, c, EventMessage.EndReason.TRACK_LOST));
                    }
                    return lost;
                });
                if (t.candidates.isEmpty()) {
                    it.remove();
                }
            }
        }

        void endAll(TrackState track, EventMessage.EndReason reason, List<EventMessage> out) {
            for (Candidate c : track.candidates.values()) {
                if (c.open) {
                    out.add(message(EventMessage.Kind.END, c, reason));
                }
            }
            track.candidates.clear();
        }

        EventMessage message(EventMessage.Kind kind, Candidate c, EventMessage.EndReason reason) {
            return new EventMessage(kind, c.id, ++sequence, streamId, c.trackId, c.box, c.className,
                    c.policy.alert(), c.start, c.last, kind == EventMessage.Kind.END ? c.last : null,
                    c.peak, c.sum / c.results, c.results, reason, kind == EventMessage.Kind.START ? c.snapshot : null);
        }
    }
}
