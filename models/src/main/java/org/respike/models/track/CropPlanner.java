package org.respike.models.track;

import org.respike.models.frame.Box;

/**
 * Plans the crop of a track for one group of s frames, at the group's key frame. The crop has the model
 * input's aspect, covers the smoothed box times the context factor, is centred where the track will be
 * in the middle of the group and widened by the distance it travels during the group, so that a walker
 * or runner stays inside a crop that is held fixed for the whole group (the residuals f_j - f_key of a
 * group compare the same pixels). It is shifted, not cut, to stay inside the frame, and never larger
 * than the frame.
 */
public final class CropPlanner {
    private final double context;
    private final double aspect;

    /** @param aspect model input width over height */
    public CropPlanner(double context, double aspect) {
        this.context = context;
        this.aspect = aspect;
    }

    public CropRect plan(BoxFilter track, long keyFrame, int groupFrames, int frameWidth, int frameHeight) {
        int span = groupFrames - 1;
        Box mid = track.predict(keyFrame + span / 2.0);
        double needW = context * mid.width() + Math.abs(track.velocityX()) * span;
        double needH = context * mid.height() + Math.abs(track.velocityY()) * span;
        double ch = Math.max(needH, needW / aspect);
        double cw = ch * aspect;
        if (cw > frameWidth) {
            cw = frameWidth;
            ch = cw / aspect;
        }
        if (ch > frameHeight) {
            ch = frameHeight;
            cw = Math.min(ch * aspect, frameWidth);
        }
        int width = Math.max(2, Math.min(frameWidth, (int) Math.round(cw)));
        int height = Math.max(2, Math.min(frameHeight, (int) Math.round(ch)));
        int x = clamp((int) Math.round(mid.centreX() - width / 2.0), frameWidth - width);
        int y = clamp((int) Math.round(mid.centreY() - height / 2.0), frameHeight - height);
        return new CropRect(x, y, width, height);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
