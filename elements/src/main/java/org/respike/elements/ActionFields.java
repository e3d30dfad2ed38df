package org.respike.elements;

/**
  * Field names of a recognised action, shared by the bus message, the buffer meta and the JSON lines
  * that respikeinfer emits and by the elements that read them (respikeoverlay).
  */
public final class ActionFields {

    /** Name of the element message structure and of the GstCustomMeta on the buffer that ends a clip. */
    public static final String NAME = "respike-action";

    public static final String STREAM_ID = "stream-id";
    public static final String LABEL = "label";
    public static final String LABEL_INDEX = "label-index";
    public static final String SCORE = "score";
    /** Running time (ns) of the clip's first and last frame. */
    public static final String START = "start";
    public static final String END = "end";
    public static final String PTS_START = "pts-start";
    public static final String PTS_END = "pts-end";
    /** Frames in this clip. */
    public static final String FRAMES = "frames";
    /** Frames the model has consumed on this stream so far (since start or the last flush). */
    public static final String STREAM_FRAMES = "stream-frames";
    /** Mean spike rate over the SNN's LIF layers in this clip (0..1). */
    public static final String SPIKE_RATE = "spike-rate";
    /** Estimated energy of this clip's inference in picojoules (45 nm convention: 4.6 pJ/MAC, 0.9 pJ/AC). */
    public static final String ENERGY_PJ = "energy-pj";
    public static final String LATENCY_US = "latency-us";
    /** All class scores as "label=score" pairs separated by ';' (a structure field cannot hold a map). */
    public static final String SCORES = "scores";

    private ActionFields() {}
}
