"""Draw the image lab's sample pictures (static/samples/*.png) from code, deterministically.

Every picture is made here with Pillow and NumPy, so the app ships no third-party photos.
Each one shows something a filter answers: edges with both signs, text, smooth gradients,
fine texture, and colour that differs per channel. Run: python scripts/make_samples.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = Path(__file__).resolve().parent.parent / "static" / "samples"
RNG = np.random.default_rng(20261126)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size)  # Pillow's bundled font: same pixels on every machine


def house() -> Image.Image:
    """A landscape: sky gradient, sun, house with windows and roof, grass texture, a sign."""
    W, H = 640, 448
    y = np.linspace(0, 1, H)[:, None, None]
    sky = (1 - y) * np.array([70, 130, 200]) + y * np.array([190, 220, 245])  # (H, 1, 3)
    a = np.broadcast_to(sky, (H, W, 3)).copy()
    grass = RNG.normal(0, 18, (H - 300, W, 1)) + np.array([70, 140, 60])  # noisy texture
    a[300:] = grass
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    d.ellipse((500, 40, 580, 120), fill=(255, 214, 80))
    d.rectangle((140, 190, 360, 330), fill=(200, 90, 70))  # walls
    d.polygon([(120, 195), (250, 100), (380, 195)], fill=(110, 60, 50))  # roof
    for x0 in (165, 290):
        d.rectangle((x0, 220, x0 + 45, 265), fill=(240, 240, 200))
        d.line((x0 + 22, 220, x0 + 22, 265), fill=(60, 60, 60), width=3)
        d.line((x0, 242, x0 + 45, 242), fill=(60, 60, 60), width=3)
    d.rectangle((230, 255, 270, 330), fill=(80, 50, 40))  # door
    d.rectangle((430, 250, 600, 310), fill=(245, 245, 240), outline=(40, 40, 40), width=3)
    d.text((445, 262), "CNN", font=font(40), fill=(20, 20, 20))
    return im


def edges() -> Image.Image:
    """Grey step edges in both directions, a ramp, and a checkerboard: for Sobel signs."""
    W, H = 384, 256
    a = np.full((H, W), 60.0)
    a[:128, 96:192] = 200.0  # dark -> bright, then bright -> dark (vertical edges)
    a[:128, 288:] = 200.0
    a[128:, :] = np.linspace(0, 255, W)[None, :]  # ramp: a constant horizontal gradient
    yy, xx = np.mgrid[0:96, 0:96]
    a[144:240, 24:120] = np.where((yy // 12 + xx // 12) % 2, 230.0, 30.0)  # checkerboard
    return Image.fromarray(np.rint(a).astype(np.uint8)).convert("RGB")


def text() -> Image.Image:
    """Black and white text of several sizes, with one blurred copy: stroke edges and blur."""
    im = Image.new("RGB", (480, 320), (250, 250, 245))
    d = ImageDraw.Draw(im)
    d.text((20, 20), "Convolution", font=font(56), fill=(15, 15, 15))
    d.text((20, 100), "kernel * image", font=font(36), fill=(15, 15, 15))
    d.rectangle((20, 170, 460, 300), fill=(25, 25, 35))
    d.text((40, 190), "stride 2", font=font(44), fill=(245, 245, 245))
    d.text((40, 245), "dilation", font=font(36), fill=(245, 245, 245))
    d.text((260, 245), "blurred", font=font(36), fill=(245, 245, 245))
    box = (250, 236, 450, 296)
    im.paste(im.crop(box).filter(ImageFilter.GaussianBlur(3)), box[:2])
    return im


def colours() -> Image.Image:
    """Overlapping red, green and blue discs: each channel sees a different picture."""
    W, H = 400, 300
    yy, xx = np.mgrid[0:H, 0:W]
    a = np.zeros((H, W, 3))
    for c, (cx, cy) in enumerate([(150, 120), (250, 120), (200, 200)]):
        a[..., c] = np.where((xx - cx) ** 2 + (yy - cy) ** 2 < 90**2, 230.0, 25.0)
    return Image.fromarray(a.astype(np.uint8))


SAMPLES = {"house": house, "edges": edges, "text": text, "colours": colours}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in SAMPLES.items():
        path = OUT / f"{name}.png"
        draw().save(path, optimize=True)
        print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
