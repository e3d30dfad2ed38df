package org.respike.models.bundle;

/**
 * A model bundle that cannot be used: missing or corrupt file, missing or invalid manifest field, or a
 * graph whose tensors disagree with the manifest. The message always names the file and, where there is
 * one, the field, so that a user can fix the bundle without reading a stack trace.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A defect of one field of one file: "{file}: field '{field}': {problem}". */
    static BundleException field(String file, String field, String problem) {
        return new BundleException(file + ": field '" + field + "': " + problem);
    }
}
