package org.respike.elements.publish;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces each event as one record keyed by stream id, so one camera's events stay in order in one
 * partition. Idempotent, acks=all: the client's own retries add no duplicates.
 */
final class KafkaTransport implements Transport {

    private final PublisherSettings settings;
    private KafkaProducer<String, byte[]> producer;

    KafkaTransport(PublisherSettings settings) {
        this.settings = settings;
    }

    @Override
    public void connect() throws Exception {
        if (producer == null) {
            Properties p = KafkaConnection.properties(settings, settings.clientId());
            long timeout = settings.sendTimeout().toMillis();
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        // The producer reconnects by itself; this waits (max.block.ms at most) until the topic's leader is known.
        producer.partitionsFor(settings.topic());
    }

    @Override
    public void send(String key, byte[] payload) throws Exception {
        try {
            producer.send(new ProducerRecord<>(settings.topic(), key, payload))
                    .get(settings.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthorizationException || cause instanceof RecordTooLargeException
                    || cause instanceof InvalidTopicException) {
                throw new RejectedException("Kafka refused the record on topic " + settings.topic() + ": "
                        + cause.getMessage(), cause);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofMillis(500));
            producer = null;
        }
    }
}
