package org.respike.models.track;

import org.respike.models.frame.Box;

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

    private long observations;
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
        observations++;
        if (observations == 1) {
            cx = b.centreX();
            cy = b.centreY();
            w = b.width();
            h = b.height();
            frame = frameIndex;
            return;
        }
        // The first n boxes get the gains of a least-squares line fit through them (the growing-memory
        // alpha-beta filter), down to the steady gains: a track starting at rest with small gains would
        // lag a walker for many frames, one starting from two jittered boxes would overshoot.
        double n = observations;
        double alpha = Math.max(positionGain, 2 * (2 * n - 1) / (n * (n + 1)));
        double beta = Math.max(velocityGain, 6 / (n * (n + 1)));
        double gamma = Math.max(sizeGain, 1 / n);
        long dt = Math.max(1, frameIndex - frame);
        double px = cx + vx * dt;
        double py = cy + vy * dt;
        double rx = b.centreX() - px;
        double ry = b.centreY() - py;
        cx = px + alpha * rx;
        cy = py + alpha * ry;
        vx += beta * rx / dt;
        vy += beta * ry / dt;
        w += gamma * (b.width() - w);
        h += gamma * (b.height() - h);
        frame = frameIndex;
    }

    /** The smoothed box moved on to {@code frameIndex} at the current velocity. */
    public Box predict(double frameIndex) {
        double dt = frameIndex - frame;
        return Box.centred(cx + vx * dt, cy + vy * dt, w, h);
    }

    /** Centre motion per frame, in pixels. */
    public double velocityX() {
        return vx;
    }

    public double velocityY() {
        return vy;
    }
}
