"""Frame normalisation shared by training data, golden vectors and the bundle manifest."""
import numpy as np
import torch

SCALE = 255.0
MEAN = (0.485, 0.456, 0.406)  # ImageNet, RGB
STD = (0.229, 0.224, 0.225)


def normalise(frames_u8: np.ndarray) -> torch.Tensor:
    """uint8 RGB [..., H, W, 3] -> float32 [..., 3, H, W], x = (p / 255 - mean) / std."""
    x = torch.from_numpy(np.ascontiguousarray(frames_u8)).float() / SCALE
    x = (x - torch.tensor(MEAN)) / torch.tensor(STD)
    return x.movedim(-1, -3).contiguous()
