package org.respike.models.motion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.respike.models.frame.Box;
import org.respike.models.track.BoxFilter;
import org.respike.models.track.TrackedRegion;

/**
 * SORT-style multi-object tracking of unlabelled boxes: each track predicts its box with a constant
 * velocity alpha-beta filter; boxes are assigned to predictions greedily by overlap (IoU, then centre
 * distance for movers that overlap little at low frame rates); an unassigned box starts a tentative
 * track, reported from {@code minHits} matches on; a track unmatched for more frames than it was matched
 * (at most {@code maxAge}), or whose prediction has left the frame, ends: a blob seen for a few frames is
 * more often noise, a shadow or a ghost than a person, and coasting it for seconds made most of the results
 * that lay on nobody. While unmatched, a reported track is reported at its
 * prediction, so a person briefly hidden or standing still keeps one id. Plain Java, no OpenCV.
 */
public final class SortTracker {
    private final SortOptions options;
    private final List<Track> tracks = new ArrayList<>();
    private long frame;
    private long nextId = 1;

    public SortTracker(SortOptions options) {
        this.options = options;
    }

    /** The boxes of one frame in, the reported tracks of that frame out. */
    public List<TrackedRegion> update(List<Box> boxes, int frameWidth, int frameHeight) {
        frame++;
        boolean[] used = assign(boxes);
        for (int i = 0; i < boxes.size(); i++) {
            if (!used[i]) {
                Track t = new Track(nextId++, new BoxFilter(options.positionGain(), options.velocityGain(),
                        options.sizeGain()));
                t.match(boxes.get(i), frame);
                tracks.add(t);
            }
        }
        List<TrackedRegion> out = new ArrayList<>(tracks.size());
        for (Iterator<Track> it = tracks.iterator(); it.hasNext();) {
            Track t = it.next();
            Box at = t.lastMatch == frame ? t.matched : t.filter.predict(frame);
            long unmatched = frame - t.lastMatch;
            boolean lost = t.hits < options.minHits() ? unmatched > 0 : unmatched > Math.min(options.maxAge(), t.hits);
            Box inside = at.clip(frameWidth, frameHeight);
            if (lost || inside == null || inside.area() < options.minVisible() * at.area()) {
                it.remove();
            } else if (t.hits >= options.minHits()) {
                out.add(new TrackedRegion(t.id, inside, null));
            }
        }
        return out;
    }

    /**
     * Where the reported tracks that moved within the last {@code holdFrames} frames will be in the next
     * frame, a quarter wider and higher: the regions to keep out of background learning.
     */
    public List<Box> heldBoxes() {
        List<Box> held = new ArrayList<>();
        for (Track t : tracks) {
            if (t.hits >= options.minHits() && t.lastMoved > 0 && frame - t.lastMoved <= options.holdFrames()) {
                Box b = t.filter.predict(frame + 1);
                held.add(Box.centred(b.centreX(), b.centreY(), 1.25 * b.width(), 1.25 * b.height()));
            }
        }
        return held;
    }

    /** Tracks alive, reported or tentative. */
    public int liveTracks() {
        return tracks.size();
    }

    /** Greedy assignment, best pair first; returns which boxes were taken. */
    private boolean[] assign(List<Box> boxes) {
        List<Candidate> candidates = new ArrayList<>();
        for (int ti = 0; ti < tracks.size(); ti++) {
            Box predicted = tracks.get(ti).filter.predict(frame);
            double side = Math.max(predicted.width(), predicted.height());
            for (int bi = 0; bi < boxes.size(); bi++) {
                Box b = boxes.get(bi);
                double iou = predicted.iou(b);
                double distance = Math.hypot(b.centreX() - predicted.centreX(), b.centreY() - predicted.centreY())
                        / side;
                if (iou >= options.minIou()) {
                    candidates.add(new Candidate(ti, bi, 1 + iou));
                } else if (distance <= options.maxDistance()) {
                    candidates.add(new Candidate(ti, bi, 1 - distance / (1 + options.maxDistance())));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        boolean[] trackTaken = new boolean[tracks.size()];
        boolean[] boxTaken = new boolean[boxes.size()];
        for (Candidate c : candidates) {
            if (!trackTaken[c.track] && !boxTaken[c.box]) {
                trackTaken[c.track] = true;
                boxTaken[c.box] = true;
                tracks.get(c.track).match(boxes.get(c.box), frame);
            }
        }
        return boxTaken;
    }

    private record Candidate(int track, int box, double score) {
    }

    private static final class Track {
        final long id;
        final BoxFilter filter;
        int hits;
        long lastMatch;
        Box matched;
        Box anchor;
        long lastMoved;

        Track(long id, BoxFilter filter) {
            this.id = id;
            this.filter = filter;
        }

        void match(Box b, long frame) {
            filter.observe(b, frame);
            hits++;
            lastMatch = frame;
            matched = filter.predict(frame);
            if (anchor == null) {
                anchor = matched;
            } else if (Math.hypot(matched.centreX() - anchor.centreX(), matched.centreY() - anchor.centreY())
                    > 0.5 * Math.max(anchor.width(), anchor.height())) {
                anchor = matched;
                lastMoved = frame;
            }
        }
    }
}
