package org.respike.models.engine;

/**
 * What batching achieved on one set of shared sessions: graph calls made and the stream rows they carried
 * ({@code rows / calls} is the mean batch size).
 */
public record BatchCounts(long calls, long rows) {
    public double meanBatch() {
        return calls == 0 ? 0 : (double) rows / calls;
    }
}
