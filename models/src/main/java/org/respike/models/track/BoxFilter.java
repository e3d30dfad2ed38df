package org.respike.models.track;

/**
 * Smooths one object's box over frames: an alpha-beta filter (constant velocity) on the centre and
 * exponential smoothing of the size. Frames may be skipped between observations; the velocity is per
 * frame. Detector and background-subtraction boxes jitter by a few pixels from frame to frame; this is
 * what keeps that jitter out of crops and predictions.
 */
public final class BoxFilter {
    private final double positionGain;
    private final double velocityGain;
    private final double sizeGain;

    private boolean started;
    private long frame;
    private double cx;
    private double cy;
    private double vx;
    private double vy;
    private double w;
    private double h;

    public BoxFilter(double positionGain, double velocityGain, double sizeGain) {
        this.positionGain = positionGain;
        this.velocityGain = velocityGain;
        this.sizeGain = sizeGain;
    }

    /** Folds in the box measured at {@code frameIndex} (later than any before). */
    public void observe(Box b, long frameIndex) {
        if (!started) {
            started = true;
            cx = b.centreX();
            cy = b.centreY();
            w = b.width();
            h = b.height();
            frame = frameIndex;
            return;
        }
        long dt = Math.max(1, frameIndex - frame);
        double px = cx + vx * dt;
        double py = cy + vy * dt;
        double rx = b.centreX() - px;
        double ry = b.centreY() - py;
        cx = px + positionGain * rx;
        cy = py + positionGain * ry;
        vx += velocityGain * rx / dt;
        vy += velocityGain * ry / dt;
        w += sizeGain * (b.width() - w);
        h += sizeGain * (b.height() - h);
        frame = frameIndex;
    }

    /** The smoothed box moved on to {@code frameIndex} at the current velocity. */
    public Box predict(double frameIndex) {
        double dt = frameIndex - frame;
        return Box.centred(cx + vx * dt, cy + vy * dt, w, h);
    }

    /** Frame of the last observation. */
    public long lastFrame() {
        return frame;
    }

    /** Centre motion per frame, in pixels. */
    public double velocityX() {
        return vx;
    }

    public double velocityY() {
        return vy;
    }
}
