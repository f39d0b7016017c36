"""Where bundled data files live, found from the package so it works from any working directory."""

from pathlib import Path

RESOURCES_DIR: Path = Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``resource_path("data", "gbt2260.csv")``."""
    return RESOURCES_DIR.joinpath(*parts)
