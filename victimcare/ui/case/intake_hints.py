"""What the intake form works out from an ID number while it is typed (no Qt, no service call: the same
pure checks the services run on save): the birth date and sex it holds, and where it disagrees with
the birth date and sex filled in. Warnings only — saving is never blocked by them (domain §4.1)."""

from dataclasses import dataclass
from datetime import date

from victimcare.core.errors import ValidationError
from victimcare.domain.dates import parse_date
from victimcare.domain.identity import ResidentId, convert_15_to_18, id_consistency_warnings, normalize_id, validate_resident_id


@dataclass(frozen=True)
class IdCheck:
    rid: ResidentId
    today: date

    @property
    def birth_date(self) -> date:
        return self.rid.birth_date

    @property
    def sex(self) -> str:
        return self.rid.sex

    def warnings(self, birth_text: str, estimated: bool, sex: str | None) -> list[str]:
        """The ID's disagreements with the typed birth date (unless only an age was estimated) and sex."""
        birth = None
        if birth_text.strip() and not estimated:
            try:
                birth = parse_date(birth_text, "birth_date", today=self.today)
            except ValidationError:
                birth = None  # the field's own error says what is wrong with it on save
        return id_consistency_warnings(self.rid, birth, sex if sex in ("M", "F") else None)


def id_check(number: str, id_type: str | None, today: date) -> IdCheck | None:
    """The parts of a complete, valid resident ID number (an old 15-digit one converted), else None."""
    if id_type not in (None, "", "resident_id"):
        return None
    text = normalize_id(number or "")
    try:
        if len(text) == 15:
            text = convert_15_to_18(text)
        if len(text) != 18:
            return None
        return IdCheck(validate_resident_id(text, today=today), today)
    except ValidationError:
        return None
