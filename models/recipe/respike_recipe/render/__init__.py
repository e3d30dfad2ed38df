"""Procedural renderer of the synthetic surveillance-action benchmark.

The class definitions are the contract in shared/spec/synthetic-actions.md. Everything here is pure
numpy and deterministic by seed. The modules, by concern:
  pose     joint-angle trajectories of the ten classes, kinematics
  body     proportions, clothes and drawing styles of a person
  scene    walls, floors, light, props, the chair, shadows (drawn into any view)
  raster   anti-aliased shapes in world coordinates, the pixel grid of a view
  textures value noise and the photographs (Debian's python3-skimage sample images)
  camera   exposure, white balance, defocus, shake, noise, greyscale, codec blocks
  clip     one clip, as a whole frame or a person crop;  long: multi-action videos and windows of them
  multi    wide views with several people, per-person boxes, labels and timelines
  splits   seeds of the splits and each seed's aspect, style family and framing
  files    MP4 output, clip folders, contact sheets, the command line

Geometry lives in continuous world coordinates measured in units of the frame height: x runs from 0
to `aspect` (the display aspect ratio), y runs from 0 (top) to 1 (bottom) on screen, and the pose code
works with y measured upward from the ground line. Shapes are rasterised with coverage-based
anti-aliasing into any W x H pixel grid, so a 16:9 scene drawn into 64x64 looks exactly like a 16:9
frame stretched to 64x64, which is what the model sees after resizing whole frames.
"""

from .clip import FRAMINGS, render_clip
from .files import contact_sheet, main, rgb_row_bytes, write_clips, write_mp4
from .long import render_long_video, render_window
from .multi import render_multi_video
from .pose import CLASSES, JOINTS
from .splits import ASPECTS, FAMILIES, clip_aspect, clip_family, clip_framing, sample_aspect, split_seeds

# Bumped whenever rendered pixels change, so dataset caches keyed on it are rebuilt.
RENDER_VERSION = "r8"
