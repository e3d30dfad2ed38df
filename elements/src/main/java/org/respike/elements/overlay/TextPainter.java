package org.respike.elements.overlay;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;
import org.respike.elements.spi.VideoFormat;
import org.respike.models.frame.PixelFormat;
import org.respike.models.frame.YuvLayout;

/**
 * Draws lines of text on a dimmed box, and box outlines, into a packed RGB-family or 4:2:0 YUV frame, clipped to
 * the frame. In YUV a chroma sample takes the colour of the top-left pixel of its 2x2 block.
 */
final class TextPainter {

    private final VideoFormat format;
    private final PixelFormat layout;
    private final int[] colorBytes;
    /** The frame's chroma planes; null for packed RGB. */
    private final YuvLayout yuv;

    TextPainter(VideoFormat format) {
        this.format = format;
        this.layout = PixelFormat.fromGstFormat(format.format());
        this.colorBytes = new int[] {layout.redOffset(), layout.greenOffset(), layout.blueOffset()};
        this.yuv = format.yuv();
    }

    /**
      * Draws {@code lines} with their top-left corner at (x, y), each glyph cell scaled by {@code scale};
      * {@code colors[i]} is line i's 0xRRGGBB colour.
      */
    void draw(ByteBuffer frame, int x, int y, int scale, String[] lines, int[] colors) {
        int cellW = (BitmapFont.WIDTH + 1) * scale;
        int lineH = (BitmapFont.HEIGHT + 2) * scale;
        int longest = 0;
        for (String line : lines) {
            longest = Math.max(longest, line.length());
        }
        dim(frame, x, y, longest * cellW + scale, lines.length * lineH + scale);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            for (int c = 0; c < line.length(); c++) {
                drawGlyph(frame, line.charAt(c), x + scale + c * cellW, y + scale + l * lineH, scale, colors[l]);
            }
        }
    }

    /** The outline of the box (x, y, w, h), {@code thickness} pixels wide, inside the box. */
    void outline(ByteBuffer frame, int x, int y, int w, int h, int thickness, int rgb) {
        int t = Math.max(1, Math.min(thickness, Math.min(w, h) / 2));
        fill(frame, x, y, w, t, rgb);
        fill(frame, x, y + h - t, w, t, rgb);
        fill(frame, x, y, t, h, rgb);
        fill(frame, x + w - t, y, t, h, rgb);
    }

    private void drawGlyph(ByteBuffer frame, char ch, int x0, int y0, int scale, int rgb) {
        for (int gy = 0; gy < BitmapFont.HEIGHT; gy++) {
            for (int gx = 0; gx < BitmapFont.WIDTH; gx++) {
                if (BitmapFont.ink(ch, gx, gy)) {
                    fill(frame, x0 + gx * scale, y0 + gy * scale, scale, scale, rgb);
                }
            }
        }
    }

    /** Halves the brightness of a box so text stays readable on any background. */
    private void dim(ByteBuffer frame, int x, int y, int w, int h) {
        if (yuv == null) {
            forEachPixel(x, y, w, h, (offset) -> {
                for (int ch : colorBytes) {
                    frame.put(offset + ch, (byte) ((frame.get(offset + ch) & 0xff) >> 1));
                }
            });
            return;
        }
        // Half of each RGB value: luma halves above black, chroma halves around grey.
        int black = yuv.black();
        forEachPixel(x, y, w, h, (offset) -> frame.put(offset, (byte) (black + (((frame.get(offset) & 0xff) - black) >> 1))));
        forEachChroma(x, y, w, h, (u, v) -> {
            frame.put(u, (byte) (128 + (((frame.get(u) & 0xff) - 128) >> 1)));
            frame.put(v, (byte) (128 + (((frame.get(v) & 0xff) - 128) >> 1)));
        });
    }

    private void fill(ByteBuffer frame, int x, int y, int w, int h, int rgb) {
        if (yuv == null) {
            forEachPixel(x, y, w, h, (offset) -> {
                frame.put(offset + layout.redOffset(), (byte) (rgb >> 16));
                frame.put(offset + layout.greenOffset(), (byte) (rgb >> 8));
                frame.put(offset + layout.blueOffset(), (byte) rgb);
            });
            return;
        }
        double r = (rgb >> 16 & 0xff) / 255.0;
        double g = (rgb >> 8 & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double luma = yuv.kr() * r + (1 - yuv.kr() - yuv.kb()) * g + yuv.kb() * b;
        byte yByte = toByte(yuv.black() + yuv.lumaSpan() * luma);
        byte uByte = toByte(128 + yuv.chromaSpan() * (b - luma) / (2 * (1 - yuv.kb())));
        byte vByte = toByte(128 + yuv.chromaSpan() * (r - luma) / (2 * (1 - yuv.kr())));
        forEachPixel(x, y, w, h, (offset) -> frame.put(offset, yByte));
        forEachChroma(x, y, w, h, (u, v) -> {
            frame.put(u, uByte);
            frame.put(v, vByte);
        });
    }

    private static byte toByte(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** Each pixel's offset in the first plane: the whole pixel of packed RGB, the luma of YUV. */
    private void forEachPixel(int x, int y, int w, int h, IntConsumer atOffset) {
        int x1 = Math.min(format.width(), x + w);
        int y1 = Math.min(format.height(), y + h);
        for (int py = Math.max(0, y); py < y1; py++) {
            int row = py * format.rowStride();
            for (int px = Math.max(0, x); px < x1; px++) {
                atOffset.accept(row + px * layout.bytesPerPixel());
            }
        }
    }

    /** The U and V offsets of each chroma sample whose 2x2 block's top-left pixel lies in the box. */
    private void forEachChroma(int x, int y, int w, int h, ChromaConsumer atOffsets) {
        int x1 = Math.min(format.width(), x + w);
        int y1 = Math.min(format.height(), y + h);
        int step = layout.chromaStep();
        for (int cy = (Math.max(0, y) + 1) / 2; cy < (y1 + 1) / 2; cy++) {
            int row = cy * yuv.chromaStride();
            for (int cx = (Math.max(0, x) + 1) / 2; cx < (x1 + 1) / 2; cx++) {
                atOffsets.accept(yuv.uOffset() + row + cx * step, yuv.vOffset() + row + cx * step);
            }
        }
    }

    private interface ChromaConsumer {
        void accept(int uOffset, int vOffset);
    }
}
