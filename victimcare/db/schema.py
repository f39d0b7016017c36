"""The schema of each compartment, as numbered SQL files kept beside the code that owns the tables.

A file ``<home>/migrations/<compartment>/<NNNN>_<what>.sql`` moves a compartment from version
NNNN-1 to NNNN. The numbers of one compartment are unique and contiguous across all homes (a test
checks it), so ``PRAGMA user_version`` says exactly which files have run. Never edit a released
file: add the next number. The files are found in the installed package, not imported, so the
storage layer stays unaware of what the tables mean.
"""

import re
from functools import lru_cache
from pathlib import Path

COMPARTMENTS = ("core", "sensitive", "school", "audit")
COMPARTMENT_LABELS = {"core": "个案与身份", "sensitive": "敏感信息", "school": "入学安置", "audit": "审计日志"}
PACKAGE_DIR = Path(__file__).resolve().parents[1]
_FILE = re.compile(r"(\d{4})_[a-z0-9_]+\.sql")


class SchemaError(Exception):
    """The migration files themselves are inconsistent (a packaging or development mistake)."""


@lru_cache(maxsize=1)
def migration_files() -> dict[str, tuple[Path, ...]]:
    """compartment → its migration files in version order (index i moves version i to i+1)."""
    found: dict[str, dict[int, Path]] = {name: {} for name in COMPARTMENTS}
    for path in sorted(PACKAGE_DIR.rglob("migrations/*/*.sql")):
        compartment, match = path.parent.name, _FILE.fullmatch(path.name)
        if compartment not in found or match is None:
            raise SchemaError(f"unexpected migration file {path.relative_to(PACKAGE_DIR)}")
        number = int(match.group(1))
        if number in found[compartment]:
            raise SchemaError(f"two {compartment} migrations numbered {number}")
        found[compartment][number] = path
    result = {}
    for compartment, by_number in found.items():
        if sorted(by_number) != list(range(1, len(by_number) + 1)):
            raise SchemaError(f"{compartment} migrations are not numbered 1..{len(by_number)}")
        result[compartment] = tuple(by_number[n] for n in sorted(by_number))
    return result


def migration_script(compartment: str, version: int) -> str:
    """The SQL that moves ``compartment`` from ``version`` to ``version + 1``."""
    return migration_files()[compartment][version].read_text(encoding="utf-8")


def latest_version(compartment: str) -> int:
    return len(migration_files()[compartment])
