package org.respike.models.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_video.createBackgroundSubtractorMOG2;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractorMOG2;
import org.respike.models.frame.Box;
import org.respike.models.frame.Frame;
import org.respike.models.frame.PixelFormat;
import org.respike.models.frame.YuvLayout;

/**
 * Proposes the boxes of moving things in a static camera's frames, for scenes without a detector:
 * the frame averaged down to a small grey image, OpenCV's MOG2 background subtraction, an optional
 * opening against speckle and a closing that joins a body's parts, then the bounding boxes of connected
 * components of at least {@code minArea}. A frame where nothing moves gives no box. Owns native memory:
 * close it. Not thread-safe: one per camera.
 *
 * <p>MOG2 turns whatever stands still into background, a person who stops included. Inside the held
 * boxes the caller passes (its tracked people) the background is frozen instead: MOG2 is shown its own
 * background image there, so it does not learn the person, and the foreground there is the plain
 * difference to that background above {@code heldThreshold}.
 */
public final class MotionProposer implements AutoCloseable {
    private static final Scalar HELD = new Scalar(255.0);
    private static final Scalar NOT_HELD = new Scalar(0.0);
    /** 256 x luma in 0-255 for each 8-bit Y value: full range as it is, video range (16-235) stretched. */
    private static final int[] FULL_RANGE_LUMA = new int[256];
    private static final int[] VIDEO_RANGE_LUMA = new int[256];

    static {
        for (int y = 0; y < 256; y++) {
            FULL_RANGE_LUMA[y] = 256 * y;
            VIDEO_RANGE_LUMA[y] = (int) Math.round(256 * Math.min(255.0, Math.max(0.0,
                    (y - YuvLayout.VIDEO_BLACK) * 255.0 / YuvLayout.VIDEO_LUMA_SPAN)));
        }
    }

    private final MotionOptions options;
    private final BackgroundSubtractorMOG2 mog2;
    private final Mat openKernel;
    private final Mat closeKernel;
    private final Mat mask = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat background = new Mat();
    private final Mat shown = new Mat();
    private final Mat held = new Mat();
    private final Mat difference = new Mat();
    private final Rect rect = new Rect();
    private final double learningRate;
    private Mat grey;
    private byte[] row = new byte[0];
    private int[] sums;
    private int factor;
    private int srcWidth = -1;
    private int srcHeight = -1;
    private long frames;
    private boolean closed;

    public MotionProposer(MotionOptions options) {
        this.options = options;
        this.learningRate = 1.0 / options.history();
        this.mog2 = createBackgroundSubtractorMOG2(options.history(), options.varThreshold(), false);
        this.openKernel = getStructuringElement(MORPH_ELLIPSE, new Size(options.openSize(), options.openSize()));
        this.closeKernel = getStructuringElement(MORPH_ELLIPSE, new Size(options.closeSize(), options.closeSize()));
    }

    /** Boxes of moving blobs in frame pixels; the background model learns from every pixel of the frame. */
    public List<Box> propose(Frame frame) {
        return propose(frame, List.of());
    }

    /**
     * Boxes of moving blobs in frame pixels; the background model learns from every pixel outside the
     * {@code hold} boxes (frame pixels).
     */
    public List<Box> propose(Frame frame, List<Box> hold) {
        if (closed) {
            throw new IllegalStateException("motion proposer is closed");
        }
        shrink(frame);
        frames++;
        double rate = frames <= options.warmupFrames() ? Math.max(learningRate, 1.0 / frames) : learningRate;
        if (hold.isEmpty() || background.empty()) {
            mog2.apply(grey, mask, rate);
        } else {
            markHeld(hold);
            grey.copyTo(shown);
            background.copyTo(shown, held);
            mog2.apply(shown, mask, rate);
            absdiff(grey, background, difference);
            threshold(difference, difference, options.heldThreshold(), 255, THRESH_BINARY);
            bitwise_and(difference, held, difference);
            bitwise_or(mask, difference, mask);
        }
        mog2.getBackgroundImage(background);
        if (options.openSize() > 1) {
            morphologyEx(mask, mask, MORPH_OPEN, openKernel);
        }
        morphologyEx(mask, mask, MORPH_CLOSE, closeKernel);
        int n = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        if (n <= 1) {
            return List.of();
        }
        IntBuffer s = stats.createBuffer();
        int columns = stats.cols();
        double minPixels = options.minArea() * grey.rows() * grey.cols();
        List<Box> boxes = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int row = i * columns;
            if (s.get(row + CC_STAT_AREA) >= Math.max(1, minPixels)) {
                boxes.add(new Box(s.get(row + CC_STAT_LEFT) * factor, s.get(row + CC_STAT_TOP) * factor,
                        Math.min(s.get(row + CC_STAT_WIDTH) * factor, srcWidth - s.get(row + CC_STAT_LEFT) * factor),
                        Math.min(s.get(row + CC_STAT_HEIGHT) * factor, srcHeight - s.get(row + CC_STAT_TOP) * factor)));
            }
        }
        return boxes;
    }

    private void markHeld(List<Box> hold) {
        if (held.rows() != grey.rows() || held.cols() != grey.cols()) {
            held.create(grey.rows(), grey.cols(), CV_8UC1);
        }
        held.put(NOT_HELD);
        for (Box b : hold) {
            Box in = b.clip(srcWidth, srcHeight);
            if (in != null) {
                int x = (int) (in.x() / factor);
                int y = (int) (in.y() / factor);
                rect.x(x).y(y).width((int) Math.ceil((in.x() + in.width()) / factor) - x)
                        .height((int) Math.ceil((in.y() + in.height()) / factor) - y);
                rectangle(held, rect, HELD, FILLED, 8, 0);
            }
        }
    }

    /**
     * Luma averaged over factor x factor blocks into {@link #grey}: BT.601 weights of packed RGB, or a YUV
     * frame's own luma plane brought to 0-255 (the range RGB's grey spans, so that the thresholds mean the same).
     */
    private void shrink(Frame f) {
        if (f.width() != srcWidth || f.height() != srcHeight) {
            srcWidth = f.width();
            srcHeight = f.height();
            factor = Math.max(1, (srcWidth + options.processWidth() - 1) / options.processWidth());
            if (grey != null) {
                grey.close();
            }
            grey = new Mat((srcHeight + factor - 1) / factor, (srcWidth + factor - 1) / factor, CV_8UC1);
            // MOG2 starts over on a new size; the old background must not be compared with the new frames.
            background.release();
            frames = 0;
        }
        PixelFormat fmt = f.format();
        int bpp = fmt.bytesPerPixel();
        int r = fmt.redOffset();
        int g = fmt.greenOffset();
        int b = fmt.blueOffset();
        int[] luma = !fmt.isYuv() ? null : f.yuv().fullRange() ? FULL_RANGE_LUMA : VIDEO_RANGE_LUMA;
        int rowBytes = srcWidth * bpp;
        if (row.length < rowBytes) {
            row = new byte[rowBytes];
            sums = new int[grey.cols()];
        }
        ByteBuffer src = f.data();
        ByteBuffer dst = grey.createBuffer();
        int gw = grey.cols();
        for (int gy = 0; gy < grey.rows(); gy++) {
            int y0 = gy * factor;
            int y1 = Math.min(y0 + factor, srcHeight);
            Arrays.fill(sums, 0, gw, 0);
            for (int y = y0; y < y1; y++) {
                // One bulk copy per row: per-byte ByteBuffer reads cost several times more.
                src.get(y * f.rowStride(), row, 0, rowBytes);
                for (int gx = 0, x = 0, p = 0; gx < gw; gx++) {
                    int sum = 0;
                    int end = Math.min(x + factor, srcWidth);
                    if (luma != null) {
                        for (; x < end; x++, p++) {
                            sum += luma[row[p] & 0xFF];
                        }
                    } else {
                        for (; x < end; x++, p += bpp) {
                            sum += 77 * (row[p + r] & 0xFF) + 150 * (row[p + g] & 0xFF) + 29 * (row[p + b] & 0xFF);
                        }
                    }
                    sums[gx] += sum;
                }
            }
            for (int gx = 0; gx < gw; gx++) {
                int cols = Math.min(factor, srcWidth - gx * factor);
                dst.put(gy * gw + gx, (byte) (sums[gx] / (256 * (y1 - y0) * cols)));
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mog2.close();
            openKernel.close();
            closeKernel.close();
            mask.close();
            labels.close();
            stats.close();
            centroids.close();
            background.close();
            shown.close();
            held.close();
            difference.close();
            rect.close();
            if (grey != null) {
                grey.close();
            }
        }
    }
}
