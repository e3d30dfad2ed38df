package org.respike.elements.overlay;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;
import org.respike.elements.spi.VideoFormat;
import org.respike.models.frame.PixelFormat;

/** Draws lines of text on a dimmed box, and box outlines, into a packed RGB-family frame, clipped to the frame. */
final class TextPainter {

    private final VideoFormat format;
    private final PixelFormat layout;
    private final int[] colorBytes;

    TextPainter(VideoFormat format) {
        this.format = format;
        this.layout = PixelFormat.fromGstFormat(format.format());
        this.colorBytes = new int[] {layout.redOffset(), layout.greenOffset(), layout.blueOffset()};
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
        forEachPixel(x, y, w, h, (offset) -> {
            for (int ch : colorBytes) {
                frame.put(offset + ch, (byte) ((frame.get(offset + ch) & 0xff) >> 1));
            }
        });
    }

    private void fill(ByteBuffer frame, int x, int y, int w, int h, int rgb) {
        forEachPixel(x, y, w, h, (offset) -> {
            frame.put(offset + layout.redOffset(), (byte) (rgb >> 16));
            frame.put(offset + layout.greenOffset(), (byte) (rgb >> 8));
            frame.put(offset + layout.blueOffset(), (byte) rgb);
        });
    }

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
}
