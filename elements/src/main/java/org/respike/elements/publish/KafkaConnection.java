package org.respike.elements.publish;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/** The Kafka client properties the settings imply, shared by the producer and the tail's consumer. */
final class KafkaConnection {

    private KafkaConnection() {
    }

    static Properties properties(PublisherSettings s, String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, s.address());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, Math.max(1, s.backoffMin().toMillis()));
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, Math.max(1, s.backoffMax().toMillis()));
        boolean sasl = s.username() != null;
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                (sasl ? "SASL_" : "") + (s.tls() ? "SSL" : "PLAINTEXT"));
        if (s.tls() && s.caFile() != null) {
            p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, s.caFile());
        }
        if (sasl) {
            p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"" + jaasEscape(s.username()) + "\" password=\""
                    + jaasEscape(s.password() == null ? "" : s.password()) + "\";");
        }
        return p;
    }

    private static String jaasEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
