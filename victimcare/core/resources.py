"""Where bundled data files live, found from the package so it works from any working directory.

Installed (a wheel or a frozen build) they are the package ``victimcare.resources``, next to this
package; in a source checkout they are the top-level ``resources/`` folder that it is built from.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def _find() -> Path:
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "data").is_dir():
            return candidate
    raise FileNotFoundError("VictimCare's bundled resources are missing: reinstall the application")


RESOURCES_DIR: Path = _find()


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``resource_path("data", "gbt2260.csv")``."""
    return RESOURCES_DIR.joinpath(*parts)
