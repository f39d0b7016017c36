"""寻亲 family tracing: the records of one case (notices, comparisons, leads, the DNA sample reference, the
16+ choice after a match, the outcome) through the one write path (``steps.records.StepRecords``)."""

from datetime import date, datetime

from victimcare.casework.audit_refs import case_number
from victimcare.casework.settings import StationSettings
from victimcare.casework.steps.records import OBJECT_TYPE, CaseStepRecords
from victimcare.casework.steps.tracing import rules
from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.deadlines import add_months
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class TracingService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "tracing", rules, "tracing"

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        data = self._records(case_id)
        dna = data["records"].get("dna") or []
        if dna:  # a DNA sample reference is sensitive (PRODUCT.md §4): every view of one is audited
            self.session.record("view", object_type=OBJECT_TYPE, object_id=case_number(self.session, case_id),
                                categories=rules.KINDS_BY_CODE["dna"].categories, detail="tracing.dna",
                                record_count=len(dna))
        return data

    def _check_across_cases(self, case_id: int, kind: str, values: dict, record_id: int | None) -> None:
        """转落户 only once the identity has stayed unknown for the station's 落户 months in care (default 3,
        the same setting the 落户 eligibility reminder uses)."""
        if kind != "outcome" or values["outcome"] != "to_hukou":
            return
        core = self.session.conn("core")
        row = core.execute("SELECT admitted_at FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            return  # the write path says the case is not found
        months = StationSettings(core).rules().hukou_eligible_months
        eligible: date = add_months(datetime.fromisoformat(row[0]).date(), months)
        if values["on"] < eligible.isoformat():
            raise ValidationErrors([ValidationError(
                "outcome", f"身份不明在站满{months}个月（{eligible.isoformat()}起）才可转落户。")])
