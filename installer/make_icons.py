"""Draw the application icon (resources/icons: victimcare.svg, .png 256 px, .ico for Windows).

A shield (protection) holding a heart (care) on a teal tile, in plain shapes so that it needs no font.
Run once after changing the design: ``python installer/make_icons.py``; the outputs are committed.
"""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
TILE, SHIELD, HEART = "#1f6f8b", "#ffffff", "#d9483b"
# In a 256 × 256 box.
SHIELD_POINTS = [(128, 36), (204, 64), (204, 130), (128, 222), (52, 130), (52, 64)]


def heart(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A heart outline as a polygon (the classic parametric curve), centred near (cx, cy)."""
    import math
    pts = []
    for i in range(120):
        t = 2 * math.pi * i / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * r / 16, cy - y * r / 16))
    return pts


def png(size: int) -> Image.Image:
    scale = 4  # draw large, scale down: smooth edges without an anti-aliasing library
    big = Image.new("RGBA", (256 * scale, 256 * scale), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)
    d.rounded_rectangle((8 * scale, 8 * scale, 248 * scale, 248 * scale), radius=44 * scale, fill=TILE)
    d.polygon([(x * scale, y * scale) for x, y in SHIELD_POINTS], fill=SHIELD)
    d.polygon([(x * scale, y * scale) for x, y in heart(128, 120, 46)], fill=HEART)
    return big.resize((size, size), Image.LANCZOS)


def svg() -> str:
    shield = " ".join(f"{x},{y}" for x, y in SHIELD_POINTS)
    hearts = " ".join(f"{x:.1f},{y:.1f}" for x, y in heart(128, 120, 46))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
            f'  <rect x="8" y="8" width="240" height="240" rx="44" fill="{TILE}"/>\n'
            f'  <polygon points="{shield}" fill="{SHIELD}"/>\n'
            f'  <polygon points="{hearts}" fill="{HEART}"/>\n'
            f'</svg>\n')


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "victimcare.svg").write_text(svg(), encoding="utf-8")
    png(256).save(OUT / "victimcare.png")
    png(256).save(OUT / "victimcare.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
