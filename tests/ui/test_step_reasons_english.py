"""Every reason a step's records give with its status reads in English in the English interface: the
literals of every ``derive`` (and the labels it words a reason with) have a gloss."""

import re
from importlib import import_module
from pathlib import Path

from victimcare.casework.steps import STEPS
from victimcare.domain.vocabulary import ENGLISH

_DERIVED = re.compile(r'Derived\(\s*"[a-z_]+"\s*,\s*"([^"]+)"')
_ELSE = re.compile(r'Derived\(\s*"[a-z_]+"\s*,\s*"[^"]+" if [^,()]*? else "([^"]+)"')
_REASON_MAP = re.compile(r'reason = (?:\(\s*)?\{([^}]*)\}')


def reasons() -> set[str]:
    found = set()
    for step in STEPS:
        path = Path(import_module(f"{step.package}.rules").__file__)
        src = path.read_text(encoding="utf-8")
        found |= set(_DERIVED.findall(src)) | set(_ELSE.findall(src))
        for body in _REASON_MAP.findall(src):
            found |= set(re.findall(r':\s*"([^"]+)"', body))
        for m in re.finditer(r'reason = "([^"]+)" if [^\n]* else "([^"]+)"', src):
            found |= set(m.groups())
    tracing = import_module("victimcare.casework.steps.tracing.rules")
    employment = import_module("victimcare.casework.steps.employment.rules")
    found |= {zh for _code, zh, _en in tracing.OUTCOMES}  # the outcome worded as the reason of 已完成
    found |= {employment.UNDER_AGE, employment.AGE_UNKNOWN, employment.NO_CAPACITY}
    return found


def test_every_step_reason_has_an_english_gloss():
    found = reasons()
    assert {"律师承办中", "已转落户，落户后继续查找", "住院中", "心理风险待跟进"} <= found  # the scan works
    assert sorted(r for r in found if r not in ENGLISH) == []
