"""社会服务 records (issue 9, item 4): services with provider, dates, hours and outcome; the status
follows whether every service has ended with its outcome."""

import pytest

from support import SUPERVISOR
from victimcare.core.errors import ValidationErrors

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}
SERVICE = {"type": "skills", "provider": "县巾帼志愿服务队", "provider_kind": "volunteer", "start_on": "2026-02-05",
           "hours": "12"}


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def test_a_service_runs_until_it_ends_with_an_outcome(s):
    case_id = s.intake.create(ADULT)
    rid = s.social.save(case_id, "service", SERVICE)
    data = s.social.records(case_id)
    assert data["status"][0] == "in_progress" and data["records"]["service"][0]["hours"] == 12
    s.social.save(case_id, "service", {**SERVICE, "end_on": "2026-03-01", "outcome": "掌握基础缝纫技能"},
                  record_id=rid)
    assert s.social.records(case_id)["status"][0] == "done"
    assert "社会服务：技能培训（县巾帼志愿服务队）" in [e["summary"] for e in s.cases.timeline(case_id)]


@pytest.mark.parametrize("raw, field", [
    ({**SERVICE, "end_on": "2026-02-01"}, "end_on"),
    ({**SERVICE, "outcome": "完成"}, "end_on"),
    ({**SERVICE, "hours": "-3"}, "hours"),
    ({**SERVICE, "hours": "5000"}, "hours"),
    ({**SERVICE, "provider": "x" * 61}, "provider"),
])
def test_bad_services_are_refused_and_change_nothing(s, raw, field):
    case_id = s.intake.create(ADULT)
    with pytest.raises(ValidationErrors) as err:
        s.social.save(case_id, "service", raw)
    assert field in err.value.by_field()
    assert s.social.records(case_id)["records"]["service"] == []
