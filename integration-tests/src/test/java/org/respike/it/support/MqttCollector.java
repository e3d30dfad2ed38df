package org.respike.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The system that collects the events: a persistent MQTT session (QoS 1, an hour's expiry) that the
 * broker keeps while the collector or the broker is away, and Paho reconnects to by itself. A test can
 * so register it before the broker goes down and miss nothing published meanwhile. The callback is set
 * before connecting: a resumed session delivers what the broker kept at once, before any subscribe.
 */
public final class MqttCollector implements AutoCloseable, MqttCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    public MqttCollector(String address, String topic) throws MqttException {
        client = new MqttClient("tcp://" + address, "collector", new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(3600L);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 1);
        o.setUserName("viewer");
        o.setPassword(Mosquitto.PASSWORD.getBytes());
        client.connect(o);
        client.subscribe(topic, 1);
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Waits until the messages received satisfy {@code done}; returns them. */
    public List<JsonNode> await(Predicate<List<JsonNode>> done, Duration timeout) throws InterruptedException,
            IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect();
        } catch (MqttException brokerGone) {
            client.disconnectForcibly(0, 500, false);
        }
        client.close(true);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws IOException {
        received.add(JSON.readTree(message.getPayload()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
