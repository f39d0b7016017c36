"""The registry (casework/steps/__init__.py) is the one list of steps: the deadline engine sorts by the
order it is given, every deadline's step is a registry code, and no other module spells out the steps."""

import ast
import importlib.util
from datetime import date, datetime
from pathlib import Path

import victimcare
import victimcare.domain.deadlines as engine
from victimcare.casework.steps import BY_CODE, CODES, DEADLINE_ONLY, STEPS, deadline_rules
from deadline_helpers import at, compute, facts

PACKAGE = Path(victimcare.__file__).parent
REGISTRY = PACKAGE / "casework" / "steps" / "__init__.py"
KNOWN = set(CODES) | set(DEADLINE_ONLY)

# Cases that between them reach every rule of every step.
BUSY = [
    facts(),  # new, identity unknown: tracing, stay, 落户
    facts(is_minor=True, notice_published_at=datetime(2026, 2, 25, 12), dna_requested_on=date(2026, 3, 2),
          legal_aid_applied_on=date(2026, 3, 2), legal_aid_decided_on=date(2026, 3, 6),
          school_transfer_started_on=date(2026, 3, 10)),
    facts(identity_known=True, is_minor=True, left_on=date(2026, 3, 1), returned_on=date(2026, 3, 1),
          hukou_applied_on=date(2026, 2, 28), follow_up_dates=[date(2026, 4, 1)]),
]


def test_every_deadline_names_a_registry_step():
    produced = {(d.step, d.rule.partition(".")[0]) for f in BUSY for now in (at(2026, 3, 1), at(2027, 6, 1))
                for d in compute(f, now)}
    assert {step for step, _ in produced} == {code for code, _ in deadline_rules()}
    assert {step for step, _ in produced} <= KNOWN
    assert all(step == prefix for step, prefix in produced)  # rule codes start with their step's code


def test_deadline_rules_follow_the_registry_order_with_follow_up_after_return():
    codes = [code for code, _ in deadline_rules()]
    assert codes == ["relief", "tracing", "legal_aid", "school", "hukou", "follow_up"]
    assert len(set(codes)) == len(codes)
    order = list(CODES)
    order.insert(order.index(DEADLINE_ONLY["follow_up"].under) + 1, "follow_up")
    assert codes == [c for c in order if c in codes]
    assert order.index("return") < order.index("follow_up") < order.index("closure")


def test_each_rule_lives_in_its_step_home():
    for step in STEPS:
        if step.deadlines is not None:
            assert step.deadlines.__module__ == f"{step.package}.rules", step.code
    for extra in DEADLINE_ONLY.values():
        assert extra.deadlines.__module__ == f"{BY_CODE[extra.under].package}.rules", extra.code
    assert BY_CODE["return"].package == "victimcare.casework.steps.return_home"  # "return" is a keyword
    for code in ("intake", "relief", "tracing", "legal_aid", "school", "employment", "hukou", "return"):
        assert importlib.util.find_spec(f"{BY_CODE[code].package}.rules") is not None, code


def _literal_step_lists(path: Path, root: Path = PACKAGE) -> list[str]:
    """Tuples, lists and sets of three or more string literals, all of them step codes."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 3 and all(
                isinstance(e, ast.Constant) and e.value in KNOWN for e in node.elts):
            found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_other_module_lists_the_steps():
    assert not hasattr(engine, "STEPS")
    assert _literal_step_lists(REGISTRY) == []  # the registry itself lists Step(...) entries, not bare codes
    assert [hit for p in sorted(PACKAGE.rglob("*.py")) for hit in _literal_step_lists(p)] == []


def test_the_checker_finds_a_step_list(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('X = 1\nORDER = ("intake", "relief", "follow_up")\nNOT_ONE = ["intake", "x", "relief"]\n', "utf-8")
    assert _literal_step_lists(sample, tmp_path) == ["sample.py:2"]
