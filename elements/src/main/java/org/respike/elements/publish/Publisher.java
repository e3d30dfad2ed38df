package org.respike.elements.publish;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.respike.elements.events.EventJson;
import org.respike.elements.events.EventMessage;

/**
 * Sends events to a file, an MQTT broker or a Kafka cluster from a thread of its own, so the video
 * never waits for the network: {@link #publish} only pushes onto a bounded queue (the oldest event goes
 * when it is full, counted, with a warning at most every 10 s); the sender reconnects with exponential
 * backoff and resends what was not acknowledged; {@link #close} delivers what is queued within the
 * close timeout.
 */
public final class Publisher implements AutoCloseable {

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PublisherSettings settings;
    private final Transport transport;
    private final DropOldestQueue<EventMessage> queue;
    private final Consumer<String> warnings;
    private final RateLimitedWarning dropWarning;
    private final RateLimitedWarning rejectWarning;
    private final RateLimitedWarning sinkWarning;
    private final Thread sender;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long unsent;
    private volatile boolean closed;

    private Publisher(PublisherSettings settings, Transport transport, Consumer<String> warnings) {
        this.settings = settings;
        this.transport = transport;
        this.queue = new DropOldestQueue<>(settings.queueCapacity());
        this.warnings = warnings;
        this.dropWarning = new RateLimitedWarning(warnings, WARNING_INTERVAL_NANOS);
        this.rejectWarning = new RateLimitedWarning(warnings, WARNING_INTERVAL_NANOS);
        this.sinkWarning = new RateLimitedWarning(warnings, WARNING_INTERVAL_NANOS);
        this.sender = new Thread(this::send, "respike-publish-" + settings.method().nick());
        sender.setDaemon(true);
    }

    /**
     * Starts the sender; it connects when the first event comes, so a sink that is away at start only
     * delays delivery. {@code warnings} gets one line per problem (sink away, events dropped).
     */
    public static Publisher open(PublisherSettings settings, Consumer<String> warnings) {
        Transport transport = switch (settings.method()) {
            case FILE -> new FileTransport(settings);
            case MQTT -> new MqttTransport(settings);
            case KAFKA -> new KafkaTransport(settings);
        };
        Publisher p = new Publisher(settings, transport, warnings);
        p.sender.start();
        return p;
    }

    /** Queues {@code event}; never waits for the sink. After close the event counts as dropped. */
    public void publish(EventMessage event) {
        published.incrementAndGet();
        if (closed) {
            dropped.incrementAndGet();
            dropWarning.warn(settings + ": event published after close, dropped");
        } else if (!queue.offer(event)) {
            long n = dropped.incrementAndGet();
            dropWarning.warn(settings + ": sink too slow or away, dropped the oldest event (" + n
                    + " dropped so far, queue of " + settings.queueCapacity() + ")");
        }
    }

    public PublisherStats stats() {
        return new PublisherStats(published.get(), delivered.get(), dropped.get(), rejected.get(), unsent,
                queue.size(), failures.get());
    }

    /**
     * Delivers what is queued, waiting at most the close timeout (plus up to a second to break off a
     * send in progress); what is still queued then counts as unsent. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.close();
        try {
            sender.join(settings.closeTimeout().toMillis());
            if (sender.isAlive()) {
                unsent = queue.abandon();
                sender.interrupt();
                sender.join(1000);
            }
        } catch (InterruptedException e) {
            unsent = queue.abandon();
            Thread.currentThread().interrupt();
        } finally {
            if (unsent > 0) {
                warnings.accept(settings + ": closed with " + unsent + " events not delivered");
            }
            // Also breaks off a sender still stuck in the client after the interrupt.
            transport.close();
        }
    }

    private void send() {
        boolean connected = false;
        long backoff = settings.backoffMin().toNanos();
        try {
            while (queue.awaitNonEmpty()) {
                try {
                    if (!connected) {
                        transport.connect();
                        connected = true;
                    }
                    EventMessage event = queue.takeHead();
                    try {
                        transport.send(event.streamId(), EventJson.toBytes(event));
                        queue.removeHead();
                        delivered.incrementAndGet();
                    } catch (Transport.RejectedException e) {
                        queue.removeHead();
                        rejected.incrementAndGet();
                        rejectWarning.warn(settings + ": " + e.getMessage());
                    }
                    backoff = settings.backoffMin().toNanos();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    queue.releaseHead();
                    failures.incrementAndGet();
                    sinkWarning.warn(settings + ": " + (connected ? "send" : "connect") + " failed, retrying: "
                            + describe(e));
                    connected = false;
                    queue.pause(jittered(backoff));
                    backoff = Math.min(settings.backoffMax().toNanos(), Math.max(1, backoff * 2));
                }
            }
        } catch (InterruptedException e) {
            // close gave up on the sink
        }
    }

    /** Cameras that lost the same broker must not all come back in the same millisecond. */
    private static long jittered(long nanos) {
        return nanos + (long) (nanos * 0.2 * ThreadLocalRandom.current().nextDouble());
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null && s.length() < 300; t = t.getCause()) {
            s.append(s.length() == 0 ? "" : ": ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                s.append(' ').append(t.getMessage());
            }
        }
        return s.toString();
    }
}
