package org.respike.models.frame;

/**
 * An axis-aligned box in frame pixels: left, top, width, height, as GstVideoRegionOfInterestMeta and
 * most detectors give it. Values are whatever the producer wrote, NaN and negative sizes included;
 * {@link #clip} is the one place that decides what is usable.
 */
public record Box(double x, double y, double width, double height) {

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    /** The box of the given centre and size. */
    public static Box centred(double centreX, double centreY, double width, double height) {
        return new Box(centreX - width / 2, centreY - height / 2, width, height);
    }

    /** Intersection over union; 0 for disjoint or empty boxes. */
    public double iou(Box o) {
        double iw = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
        double ih = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (area() + o.area() - inter);
    }

    /**
     * This box cut to a frame of the given size, or null when nothing usable is left: a non-finite
     * coordinate, a size that is not positive, or no pixel inside the frame.
     */
    public Box clip(int frameWidth, int frameHeight) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)
                || width <= 0 || height <= 0) {
            return null;
        }
        double left = Math.max(x, 0);
        double top = Math.max(y, 0);
        double right = Math.min(x + width, frameWidth);
        double bottom = Math.min(y + height, frameHeight);
        if (right - left < 1 || bottom - top < 1) {
            return null;
        }
        return left == x && top == y && right == x + width && bottom == y + height ? this
                : new Box(left, top, right - left, bottom - top);
    }
}
