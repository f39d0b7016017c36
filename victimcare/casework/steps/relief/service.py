"""救助安置 relief and placement: the records of one case, and the room rule across cases."""

import json

from victimcare.casework.steps.records import CaseStepRecords
from victimcare.casework.steps.relief import rules
from victimcare.core.errors import ValidationError, ValidationErrors


class ReliefService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "relief", rules, "placement"

    def _check_across_cases(self, case_id: int, kind: str, values: dict, record_id: int | None) -> None:
        """Rooms in the station are separated by sex: no room is shared, at overlapping dates, with a
        person of the other sex."""
        room = values.get("room", "")
        if kind != "placement" or values["type"] != "station" or not room:
            return
        core = self.session.conn("core")
        own = core.execute("SELECT sex FROM cases WHERE id = ?", (case_id,)).fetchone()
        if own is None or own[0] not in ("M", "F"):
            return
        start, end = values["start_on"], values["end_on"] or "9999-12-31"
        for rid, data, sex in core.execute(
                "SELECT r.id, r.data, c.sex FROM step_records r JOIN cases c ON c.id = r.case_id "
                "WHERE r.step = 'relief' AND r.kind = 'placement' AND r.case_id != ? AND c.status = 'open' "
                "AND json_extract(r.data, '$.type') = 'station' AND json_extract(r.data, '$.room') = ?",
                (case_id, room)):
            other = json.loads(data)
            overlaps = other["start_on"] <= end and (other.get("end_on") or "9999-12-31") >= start
            if overlaps and sex in ("M", "F") and sex != own[0] and rid != record_id:
                raise ValidationErrors([ValidationError(
                    "room", f"房间按性别分开：“{room}”同期住有异性受助人。请选择另一个房间。")])
