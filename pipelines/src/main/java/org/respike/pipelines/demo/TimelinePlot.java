package org.respike.pipelines.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.respike.models.engine.ActionResult;

/**
 * A PNG of a long video: ground-truth actions, recognised events, and each result's score (green when its
 * label matches the ground truth, red when not) over time, with one colour per class.
 */
public final class TimelinePlot {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 420;
    private static final int LEFT = 110;
    private static final int RIGHT = 30;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private final GroundTruth truth;
    private final String video;
    private final double duration;
    private Graphics2D g;

    /** @param video the video's name, for the title */
    public TimelinePlot(GroundTruth truth, String video) {
        this.truth = truth;
        this.video = video;
        this.duration = truth.duration();
    }

    public void write(List<ActionResult> results, DemoScore score, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.BLACK);
            g.drawString(String.format("ReSpike on %s: clip accuracy %.1f%%, event precision %.1f%%, "
                    + "recall %.1f%%", video, 100 * score.clipAccuracy(), 100 * score.eventPrecision(),
                    100 * score.eventRecall()), LEFT, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (GroundTruth.Segment s : truth.segments()) {
                bar("ground truth", 50, s.label(), s.start(), s.end());
            }
            for (DemoScore.Event e : score.events()) {
                bar("recognised", 110, e.label(), e.start(), e.end());
            }
            scores(results, 180, 330);
            axis(345);
            legend(385);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private int x(double seconds) {
        return LEFT + (int) Math.round(seconds / duration * (WIDTH - LEFT - RIGHT));
    }

    private Color color(String label) {
        int i = truth.classes().indexOf(label);
        return i < 0 ? Color.GRAY : PALETTE[i % PALETTE.length];
    }

    private void bar(String row, int y, String label, double start, double end) {
        g.setColor(Color.BLACK);
        g.drawString(row, 8, y + 26);
        g.setColor(color(label));
        g.fillRect(x(start), y, Math.max(1, x(end) - x(start) - 1), 40);
        g.setColor(Color.WHITE);
        if (x(end) - x(start) > g.getFontMetrics().stringWidth(label) + 6) {
            g.drawString(label, x(start) + 4, y + 25);
        }
    }

    private void scores(List<ActionResult> results, int top, int bottom) {
        g.setColor(Color.BLACK);
        g.drawString("score", 8, (top + bottom) / 2);
        g.setColor(new Color(0xdddddd));
        for (double level : new double[] {0, 0.5, 1}) {
            int y = bottom - (int) (level * (bottom - top));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.drawString(String.format("%.1f", level), LEFT - 28, y + 4);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (ActionResult r : results) {
            double t = r.ptsEnd() / 1e9;
            boolean right = r.label().equals(truth.majorityLabel(r.ptsStart() / 1e9, r.ptsEnd() / 1e9));
            g.setColor(right ? new Color(0x2ca02c) : new Color(0xd62728));
            int y = bottom - (int) (r.score() * (bottom - top));
            g.fillOval(x(t) - 3, y - 3, 6, 6);
        }
    }

    private void axis(int y) {
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, y, WIDTH - RIGHT, y);
        double step = tickStep(duration);
        for (long i = 0; i * step <= duration; i++) {
            double s = i * step;
            g.drawLine(x(s), y, x(s), y + 4);
            g.drawString(String.format("%.0f s", s), x(s) - 8, y + 18);
        }
    }

    /** 5 s ticks for the sample minute, wider steps (1-2-5 times a power of ten) so that at most ~25 fit. */
    static double tickStep(double seconds) {
        double step = 5;
        while (seconds / step > 25) {
            double m = step / Math.pow(10, Math.floor(Math.log10(step)));
            step *= m == 1 ? 2 : m == 2 ? 2.5 : 2;
        }
        return step;
    }

    private void legend(int y) {
        int x = LEFT;
        for (String label : truth.classes()) {
            g.setColor(color(label));
            g.fillRect(x, y, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(label, x + 18, y + 12);
            x += 24 + g.getFontMetrics().stringWidth(label) + 16;
        }
    }
}
