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
        self.names: list[list[str]] = []          # owner → their names
        self.primary: list[str | None] = []       # owner → which of them is the name (the rest are aliases)

    def add(self, label, id_number: str, sex: str, birth_date: str | None, names: list[str],
            sounds: list[str], name: str | None = None) -> None:
        """``names``: the person's name and aliases; ``name`` is the one that is the name (the rest are
        aliases; None: the first of ``names``)."""
        if id_number:
            self.by_id.setdefault(id_number, []).append(label)
        if not birth_date:
            return
        owner = len(self.labels)
        self.labels.append(label)
        self.primary.append(names[0] if name is None and names else name)
        self.names.append(names)
        names_list, owners, by_sound = self.buckets.setdefault((sex, int(birth_date[:4])), ([], [], {}))
        for n in names:
            names_list.append(n)
            owners.append(owner)
        for sound in sounds:
            if sound:
                by_sound.setdefault(sound, []).append(owner)

    def add_record(self, label, record) -> None:
        names = names_of(record)
        self.add(label, record.core.get("id_number", ""), record.core["sex"], record.core.get("birth_date"), names,
                 sorted({pinyin_key(n) for n in names}), name=record.core.get("name") or None)

    def find(self, record, matches: dict | None = None) -> dict:
        """label → reasons, for everyone in the index who may be the person in ``record``. ``matches``, when
        given, is filled with label → [(reason, the record's name, theirs, theirs is an alias)], so the
        user sees which name or alias matched which."""
        core = record.core
        names = names_of(record)
        found: dict = {}

        def add(label, reason, ours="", theirs="", owner=None):
            reasons = found.setdefault(label, [])
            if reason not in reasons:
                reasons.append(reason)
            if matches is not None:
                pair = (reason, ours, theirs, owner is not None and bool(theirs) and theirs != self.primary[owner])
                if pair not in matches.setdefault(label, []):
                    matches[label].append(pair)

        if core.get("id_number"):
            for label in self.by_id.get(core["id_number"], []):
                add(label, SAME_ID)
        if not names or not core.get("birth_date"):
            return found
        sound_of = {n: pinyin_key(n) for n in names}
        year = int(core["birth_date"][:4])
        for sex in compatible_sexes(core["sex"]):
            for y in range(year - AGE_WINDOW_YEARS, year + AGE_WINDOW_YEARS + 1):
                bucket = self.buckets.get((sex, y))
                if bucket is None:
                    continue
                names_list, owners, by_sound = bucket
                sound_owners = set()
                for ours, sound in sound_of.items():
                    for owner in by_sound.get(sound, ()):
                        sound_owners.add(owner)
                        # which of their names sounds alike ('' if only the stored pinyin says so)
                        for theirs in [t for t in self.names[owner] if pinyin_key(t) == sound] or [""]:
                            add(self.labels[owner], SAME_SOUND, ours, theirs, owner)
                for ours in names:
                    for choice, _score, index in process.extract(ours, names_list, scorer=fuzz.ratio,
                                                                 score_cutoff=NAME_SIMILARITY, limit=None):
                        if owners[index] not in sound_owners:
                            add(self.labels[owners[index]], SIMILAR_NAME, ours, choice, owners[index])
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
                  [s for s in [row[7], *_split(row[9])] if s], name=row[2] or "")


def existing_cases_index(core) -> DuplicateIndex:
    """Every case in the vault, labelled 个案 <number> (for import reports)."""
    index = DuplicateIndex()
    index_rows(index, core.execute(_PERSON + "GROUP BY c.id"), label=lambda row: f"个案 {row[1]}")
    return index


def find_candidates(core, record, today: date) -> list[dict]:
    """Existing cases that may be the same person as ``record``, each with the reasons in words and
    ``matches``: which of the record's names matched which of the case's (its name or an alias), why."""
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
    matches: dict = {}
    found = index.find(record, matches)
    return sorted(({"id": i, "case_no": details[i][1], "name": details[i][2], "sex": details[i][3],
                    "birth_date": details[i][4], "admitted_at": details[i][5], "reasons": reasons,
                    "aliases": _split(details[i][8]),
                    "matches": [{"reason": reason, "ours": ours, "ours_alias": bool(ours) and ours != c.get("name"),
                                 "theirs": theirs, "theirs_alias": theirs_alias}
                                for reason, ours, theirs, theirs_alias in matches.get(i, [])]}
                   for i, reasons in found.items()), key=lambda x: x["case_no"])
