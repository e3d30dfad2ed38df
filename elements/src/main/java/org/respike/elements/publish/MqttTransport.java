package org.respike.elements.publish;

import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Publishes each event as one MQTT v5 message on the topic, at the settings' QoS, not retained. */
final class MqttTransport implements Transport {

    /** MQTT v5 reason codes from 0x80 up are failures (0x87: not authorized). */
    private static final int FIRST_FAILURE_CODE = 0x80;

    private final PublisherSettings settings;
    private MqttAsyncClient client;

    MqttTransport(PublisherSettings settings) {
        this.settings = settings;
    }

    @Override
    public void connect() throws Exception {
        if (client != null && client.isConnected()) {
            return;
        }
        close();
        client = MqttConnection.connect(settings, settings.clientId());
    }

    @Override
    public void send(String key, byte[] payload) throws Exception {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(settings.qos());
        IMqttToken token = client.publish(settings.topic(), message);
        token.waitForCompletion(settings.sendTimeout().toMillis());
        if (!token.isComplete()) {
            throw new TimeoutException("no acknowledgement within " + settings.sendTimeout());
        }
        for (int code : token.getReasonCodes() == null ? new int[0] : token.getReasonCodes()) {
            if (code >= FIRST_FAILURE_CODE) {
                throw new RejectedException("broker refused the message on topic " + settings.topic()
                        + " (MQTT reason code 0x" + Integer.toHexString(code) + ")", null);
            }
        }
    }

    @Override
    public void close() {
        if (client != null) {
            MqttConnection.closeQuietly(client);
            client = null;
        }
    }
}
