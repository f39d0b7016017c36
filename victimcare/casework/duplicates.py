"""The duplicate rule, once: the same ID number, or a similar name or alias (by characters, or the
same pinyin — names are often written down by sound) together with a birth year within
``AGE_WINDOW_YEARS`` and a compatible sex. Intake asks it about one record against the cases the
database pre-selects; the importer about many records against every case and the file's own rows.
The user sees the candidates and decides."""

from datetime import date

from rapidfuzz import fuzz, process

from victimcare.casework.record import pinyin_key

AGE_WINDOW_YEARS = 3
NAME_SIMILARITY = 75  # rapidfuzz ratio, 0-100
SAME_ID = "身份证号相同"
SAME_SOUND = "姓名读音相同且年龄、性别相近"
SIMILAR_NAME = "姓名相近且年龄、性别相近"


def compatible_sexes(sex: str) -> tuple[str, ...]:
    return ("M", "F", "U") if sex == "U" else (sex, "U")


def names_of(record) -> list[str]:
    return [n for n in [record.core.get("name", ""), *record.aliases] if n]


class DuplicateIndex:
    """People to compare against, bucketed by (sex, birth year); labels identify them to the caller."""

    def __init__(self):
        self.by_id: dict[str, list] = {}
        self.buckets: dict[tuple[str, int], tuple[list[str], list[int], dict[str, list[int]]]] = {}
        self.labels: list = []

    def add(self, label, id_number: str, sex: str, birth_date: str | None, names: list[str],
            sounds: list[str]) -> None:
        if id_number:
            self.by_id.setdefault(id_number, []).append(label)
        if not birth_date:
            return
        owner = len(self.labels)
        self.labels.append(label)
        names_list, owners, by_sound = self.buckets.setdefault((sex, int(birth_date[:4])), ([], [], {}))
        for name in names:
            names_list.append(name)
            owners.append(owner)
        for sound in sounds:
            if sound:
                by_sound.setdefault(sound, []).append(owner)

    def add_record(self, label, record) -> None:
        names = names_of(record)
        self.add(label, record.core.get("id_number", ""), record.core["sex"], record.core.get("birth_date"), names,
                 sorted({pinyin_key(n) for n in names}))

    def find(self, record) -> dict:
        """label → reasons, for everyone in the index who may be the person in ``record``."""
        core = record.core
        names = names_of(record)
        sounds = {pinyin_key(n) for n in names}
        found: dict = {}

        def add(label, reason):
            reasons = found.setdefault(label, [])
            if reason not in reasons:
                reasons.append(reason)

        if core.get("id_number"):
            for label in self.by_id.get(core["id_number"], []):
                add(label, SAME_ID)
        if not names or not core.get("birth_date"):
            return found
        year = int(core["birth_date"][:4])
        for sex in compatible_sexes(core["sex"]):
            for y in range(year - AGE_WINDOW_YEARS, year + AGE_WINDOW_YEARS + 1):
                bucket = self.buckets.get((sex, y))
                if bucket is None:
                    continue
                names_list, owners, by_sound = bucket
                sound_owners = {o for s in sounds for o in by_sound.get(s, ())}
                for owner in sound_owners:
                    add(self.labels[owner], SAME_SOUND)
                for name in names:
                    for _choice, _score, index in process.extract(name, names_list, scorer=fuzz.ratio,
                                                                  score_cutoff=NAME_SIMILARITY, limit=None):
                        if owners[index] not in sound_owners:
                            add(self.labels[owners[index]], SIMILAR_NAME)
        return found


_PERSON = ("SELECT c.id, c.case_no, c.name, c.sex, c.birth_date, c.admitted_at, c.id_number, c.name_pinyin, "
           "group_concat(a.alias, char(31)), group_concat(a.pinyin, char(31)) "
           "FROM cases c LEFT JOIN aliases a ON a.case_id = c.id ")


def _split(joined: str | None) -> list[str]:
    return [x for x in (joined or "").split("\x1f") if x]


def index_rows(index: DuplicateIndex, rows, label=lambda row: row[0]) -> None:
    """Add rows of ``_PERSON`` to the index."""
    for row in rows:
        index.add(label(row), row[6], row[3], row[4], [n for n in [row[2], *_split(row[8])] if n],
                  [s for s in [row[7], *_split(row[9])] if s])


def existing_cases_index(core) -> DuplicateIndex:
    """Every case in the vault, labelled 个案 <number> (for import reports)."""
    index = DuplicateIndex()
    index_rows(index, core.execute(_PERSON + "GROUP BY c.id"), label=lambda row: f"个案 {row[1]}")
    return index


def find_candidates(core, record, today: date) -> list[dict]:
    """Existing cases that may be the same person as ``record``, each with the reasons in words."""
    c = record.core
    rows = []
    if c.get("id_number"):
        rows += core.execute(_PERSON + "WHERE c.id_number = ? GROUP BY c.id", (c["id_number"],)).fetchall()
    if names_of(record) and c.get("birth_date"):
        born = date.fromisoformat(c["birth_date"])
        sexes = compatible_sexes(c["sex"])
        rows += core.execute(_PERSON + f"WHERE c.sex IN ({','.join('?' * len(sexes))}) AND c.birth_date BETWEEN ? AND ? "
                             "GROUP BY c.id", (*sexes, date(max(born.year - AGE_WINDOW_YEARS, 1), 1, 1).isoformat(),
                                               date(born.year + AGE_WINDOW_YEARS, 12, 31).isoformat())).fetchall()
    index = DuplicateIndex()
    index_rows(index, rows)
    details = {row[0]: row for row in rows}
    found = index.find(record)
    return sorted(({"id": i, "case_no": details[i][1], "name": details[i][2], "sex": details[i][3],
                    "birth_date": details[i][4], "admitted_at": details[i][5], "reasons": reasons}
                   for i, reasons in found.items()), key=lambda x: x["case_no"])
