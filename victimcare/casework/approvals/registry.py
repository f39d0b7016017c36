"""What a kind of approval checks when it is requested and does once approved, registered by the step
that owns it, so that a step plugs in (落户, the return handover) without touching this package.

- ``register_check(kind, fn)``: ``fn(core, case_id, payload, today) -> payload`` runs inside the
  request's transaction before the row is written; it raises ``ValidationError``/``UserError`` to refuse
  and returns the cleaned payload that is stored.
- ``register_effect(kind, fn)``: ``fn(core, case_id, approval, stamp, actor)`` runs inside the decision's
  transaction when a request of ``kind`` is approved; ``approval`` is the row as a dict (``payload``
  parsed). It may raise a ``UserError``: then the decision is refused and nothing is written.

- ``register_decided(kind, fn)``: the same call after either decision (approved or rejected), for a
  step whose status shows the state of its request.

A kind with none of these is still requested, decided and audited; its approval only records the decision.
The steps register at import time; ``load_steps`` imports every step's service module first, so that a
decision never runs before the step that owns its effect has registered.
"""

from collections.abc import Callable
from datetime import date
from importlib import import_module

from victimcare.casework.approvals.rules import kind_of

Check = Callable[[object, int, dict, date], dict]
Effect = Callable[[object, int, dict, str, str], None]

_CHECKS: dict[str, Check] = {}
_EFFECTS: dict[str, Effect] = {}
_DECIDED: dict[str, Effect] = {}


def register_check(kind: str, fn: Check) -> None:
    _CHECKS[kind_of(kind).code] = fn


def register_effect(kind: str, fn: Effect) -> None:
    _EFFECTS[kind_of(kind).code] = fn


def register_decided(kind: str, fn: Effect) -> None:
    _DECIDED[kind_of(kind).code] = fn


def decided_for(kind: str) -> Effect | None:
    return _DECIDED.get(kind)


def check_for(kind: str) -> Check | None:
    return _CHECKS.get(kind)


def effect_for(kind: str) -> Effect | None:
    return _EFFECTS.get(kind)


def load_steps() -> None:
    """Import every step's service module (each registers its checks and effects when imported)."""
    from victimcare.casework.steps import STEPS
    for step in STEPS:
        if step.service:
            import_module(step.service.partition(":")[0])
