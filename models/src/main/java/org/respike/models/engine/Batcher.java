package org.respike.models.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.respike.models.bundle.Manifest.GraphSpec;
import org.respike.models.bundle.TensorSpec;
import org.respike.models.frame.NativeBuffers;

/**
 * Runs each graph of one set of shared sessions for many streams in one ONNX Runtime call. A stream's push
 * calls {@link #run} from its own thread and blocks until its row has run: the first request of a batch
 * leads it, waiting until the batch holds {@code maxBatch} rows, or every member stream has a request
 * waiting or running in some graph (nobody else can join soon), or {@code maxWait} has passed; then it
 * copies the rows into the batch tensors, runs the graph and copies the results back while the others
 * sleep. Batched rows are independent (every graph treats its batch axis row by row), so a stream gets the
 * same numbers as from a call of its own, up to float reassociation in the kernels.
 *
 * <p>Graphs run one batch at a time each, and different graphs in parallel. Batch tensors of every size
 * from 1 to {@code maxBatch} wrap prefixes of one buffer per tensor, built once: a call allocates no
 * tensors, maps or buffers.
 */
final class Batcher implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final int maxBatch;
    private final long maxWaitNanos;
    private final Map<String, GraphBatch> graphs = new HashMap<>();
    private final List<OnnxTensor> tensors = new ArrayList<>();
    /** Open streams that run their graphs here. */
    private int members;
    /** Requests waiting or running, all graphs together. */
    private int engaged;
    private long calls;
    private long rows;

    Batcher(SharedSessions sessions, EngineConfig config) {
        this.maxBatch = config.maxBatch();
        this.maxWaitNanos = config.maxWait().toNanos();
        try {
            for (Map.Entry<String, GraphSpec> g : sessions.bundle().manifest().graphs().entrySet()) {
                graphs.put(g.getKey(), new GraphBatch(sessions.graph(g.getKey()), g.getValue()));
            }
        } catch (OrtException | RuntimeException e) {
            close();
            if (e instanceof OrtException ort) {
                throw new InferenceException("cannot allocate batch tensors", ort);
            }
            throw (RuntimeException) e;
        }
    }

    /** A row for {@code graph}, its slots in the manifest's input and output order. */
    BatchRow row(String graph) {
        GraphBatch g = graphs.get(graph);
        return new BatchRow(g.in.length, g.out.length);
    }

    void join() {
        lock.lock();
        try {
            members++;
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            members--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code row} through {@code graph}, batched with other streams' rows; blocks until done. */
    void run(String graph, BatchRow row) {
        GraphBatch g = graphs.get(graph);
        boolean interrupted = false;
        int n = 0;
        lock.lock();
        try {
            engaged++;
            while (g.pending == maxBatch) {
                interrupted |= await(0);
            }
            row.done = false;
            row.failure = null;
            g.rows[g.pending++] = row;
            changed.signalAll();
            if (g.pending > 1) {
                while (!row.done) {
                    interrupted |= await(0);
                }
            } else {
                long deadline = System.nanoTime() + maxWaitNanos;
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (!g.running && (g.pending == maxBatch || engaged >= members || left <= 0)) {
                        break;
                    }
                    interrupted |= await(g.running ? 0 : left);
                }
                n = g.pending;
                System.arraycopy(g.rows, 0, g.taken, 0, n);
                g.pending = 0;
                g.running = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (n > 0) {
            RuntimeException failure = g.runTaken(n);
            lock.lock();
            try {
                for (int i = 0; i < n; i++) {
                    g.taken[i].failure = failure;
                    g.taken[i].done = true;
                    g.taken[i] = null;
                }
                g.running = false;
                engaged -= n;
                calls++;
                rows += n;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (row.failure != null) {
            throw row.failure;
        }
    }

    /** Graph calls made and rows they carried, all graphs together, since the sessions opened. */
    BatchCounts counts() {
        lock.lock();
        try {
            return new BatchCounts(calls, rows);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a change (at most {@code nanos}, 0: no limit); true if interrupted, which is kept for later. */
    private boolean await(long nanos) {
        try {
            if (nanos > 0) {
                changed.awaitNanos(nanos);
            } else {
                changed.await();
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public void close() {
        tensors.forEach(OnnxTensor::close);
        tensors.clear();
    }

    /** One graph's queue and batch tensors. */
    private final class GraphBatch {
        final Graph graph;
        final int[] in;
        final int[] out;
        final FloatBuffer[] inBatch;
        final FloatBuffer[] outBatch;
        /** Input and pinned output maps for a batch of n rows, at index n - 1. */
        final List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
        final List<Map<String, OnnxTensor>> outputs = new ArrayList<>();
        final BatchRow[] rows = new BatchRow[maxBatch];
        final BatchRow[] taken = new BatchRow[maxBatch];
        int pending;
        boolean running;

        GraphBatch(Graph graph, GraphSpec spec) throws OrtException {
            this.graph = graph;
            this.in = elements(spec.inputs());
            this.out = elements(spec.outputs());
            this.inBatch = buffers(in);
            this.outBatch = buffers(out);
            for (int n = 1; n <= maxBatch; n++) {
                inputs.add(tensors(spec.inputs(), inBatch, n));
                outputs.add(tensors(spec.outputs(), outBatch, n));
            }
        }

        /** Copies the taken rows in, runs, copies the results out; returns the failure, if any, for all rows. */
        RuntimeException runTaken(int n) {
            try {
                for (int r = 0; r < n; r++) {
                    FloatBuffer[] src = taken[r].inputs;
                    for (int i = 0; i < in.length; i++) {
                        inBatch[i].put(r * in[i], src[i], 0, in[i]);
                    }
                }
                graph.run(inputs.get(n - 1), outputs.get(n - 1));
                for (int r = 0; r < n; r++) {
                    FloatBuffer[] dst = taken[r].outputs;
                    for (int o = 0; o < out.length; o++) {
                        dst[o].put(0, outBatch[o], r * out[o], out[o]);
                    }
                }
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }

        private static int[] elements(List<TensorSpec> specs) {
            return specs.stream().mapToInt(s -> Math.toIntExact(s.elementsPerItem())).toArray();
        }

        private FloatBuffer[] buffers(int[] elements) {
            FloatBuffer[] b = new FloatBuffer[elements.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = NativeBuffers.floats((long) elements[i] * maxBatch);
            }
            return b;
        }

        private Map<String, OnnxTensor> tensors(List<TensorSpec> specs, FloatBuffer[] batch, int n) throws OrtException {
            Map<String, OnnxTensor> map = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                int rows = (int) specs.get(i).elementsPerItem() * n;
                FloatBuffer prefix = batch[i].duplicate().position(0).limit(rows).slice();
                OnnxTensor t = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), prefix, specs.get(i).withBatch(n));
                tensors.add(t);
                map.put(specs.get(i).name(), t);
            }
            return map;
        }
    }
}
