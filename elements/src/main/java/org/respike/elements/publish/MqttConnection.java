package org.respike.elements.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** An MQTT v5 client (Eclipse Paho) connected as the settings say; shared by the publisher and the tail. */
final class MqttConnection {

    private MqttConnection() {
    }

    static MqttAsyncClient connect(PublisherSettings s, String clientId) throws MqttException, IOException,
            GeneralSecurityException {
        MqttAsyncClient client = new MqttAsyncClient(uri(s), clientId, new MemoryPersistence());
        try {
            client.connect(options(s)).waitForCompletion(s.sendTimeout().toMillis());
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 500, false);
            }
            client.close(true);
        } catch (MqttException ignored) {
            // the connection is being given up either way
        }
    }

    private static String uri(PublisherSettings s) {
        String address = s.address().contains(":") ? s.address() : s.address() + (s.tls() ? ":8883" : ":1883");
        return (s.tls() ? "ssl://" : "tcp://") + address;
    }

    private static MqttConnectionOptions options(PublisherSettings s) throws IOException, GeneralSecurityException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // The publisher reconnects and resends from its own queue, so the client keeps no session.
        o.setCleanStart(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout((int) Math.max(1, s.sendTimeout().toSeconds()));
        o.setKeepAliveInterval(30);
        if (s.username() != null) {
            o.setUserName(s.username());
            o.setPassword(s.password() == null ? new byte[0] : s.password().getBytes(StandardCharsets.UTF_8));
        }
        if (s.tls() && s.caFile() != null) {
            o.setSocketFactory(trusting(Path.of(s.caFile())).getSocketFactory());
        }
        return o;
    }

    /** A TLS context that trusts the PEM certificates of {@code caFile} only. */
    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
