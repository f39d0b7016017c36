"""Which forms a step's tab prints and which forms print blank: read from the printing catalog.

The catalog imports the reportlab forms kit (~0.4 s), so it is loaded once on a worker thread
(``load`` through ``tasks.run``) and kept; the GUI thread only reads the result.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FormsIndex:
    by_step: dict[str, tuple[tuple[str, str], ...]]  # step code → ((form code, title), …) in dossier order
    blank: tuple[tuple[str, str], ...]               # the forms printed without a case (rural rounds)

    def step_codes(self, step: str) -> tuple[str, ...]:
        return tuple(code for code, _title in self.by_step.get(step, ()))


_loaded: FormsIndex | None = None


def load() -> FormsIndex:
    """The index (worker thread: the first call imports the catalog)."""
    global _loaded
    if _loaded is None:
        from victimcare.casework.printing import catalog
        by_step: dict[str, list[tuple[str, str]]] = {}
        for spec in catalog.FORMS:
            by_step.setdefault(spec.step, []).append((spec.code, spec.title))
        blank = tuple((code, catalog.form(code).title) for code in catalog.BLANK_FOR_ROUNDS)
        _loaded = FormsIndex({step: tuple(forms) for step, forms in by_step.items()}, blank)
    return _loaded


def loaded() -> FormsIndex | None:
    """The index if a worker has loaded it already, else None."""
    return _loaded
