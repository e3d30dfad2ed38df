package org.respike.models.track;

/** The pixel rectangle a track's frames are cut from; always inside the frame it was planned for. */
public record CropRect(int x, int y, int width, int height) {

    public boolean fits(int frameWidth, int frameHeight) {
        return x >= 0 && y >= 0 && x + width <= frameWidth && y + height <= frameHeight;
    }
}
