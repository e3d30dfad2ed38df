package org.respike.models.engine;

/** ONNX Runtime could not run as asked: an unavailable execution provider or a failed graph run. */
public class InferenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
