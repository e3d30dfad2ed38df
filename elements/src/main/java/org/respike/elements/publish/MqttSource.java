package org.respike.elements.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** An MQTT subscription at QoS 1; messages wait in memory until polled. */
final class MqttSource implements EventsTail.Source, MqttCallback {

    private final LinkedBlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    private final MqttAsyncClient client;
    private volatile String lost;

    MqttSource(PublisherSettings settings, String clientId) throws Exception {
        client = MqttConnection.connect(settings, clientId);
        client.setCallback(this);
        IMqttToken token = client.subscribe(settings.topic(), 1);
        token.waitForCompletion(settings.sendTimeout().toMillis());
        for (int code : token.getReasonCodes()) {
            if (code >= 0x80) {
                client.close(true);
                throw new MqttException(code);
            }
        }
    }

    @Override
    public List<String> poll(Duration timeout) throws Exception {
        List<String> out = new ArrayList<>();
        String first = arrived.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            out.add(first);
            arrived.drainTo(out);
        } else if (lost != null) {
            throw new IllegalStateException("connection lost: " + lost);
        }
        return out;
    }

    @Override
    public void close() {
        MqttConnection.closeQuietly(client);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived.add(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        lost = String.valueOf(response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        lost = exception.toString();
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
