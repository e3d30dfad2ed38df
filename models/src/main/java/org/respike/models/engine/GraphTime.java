package org.respike.models.engine;

/** One graph's calls and the wall time they took, in nanoseconds. */
public record GraphTime(long calls, long nanos) {
    /** What happened between {@code earlier} and this. */
    public GraphTime since(GraphTime earlier) {
        return earlier == null ? this : new GraphTime(calls - earlier.calls, nanos - earlier.nanos);
    }
}
