"""The words of an audit row: what every stored code of an entry says, in Chinese (and in English for
the English interface). Entries keep stable codes (they are hashed into the chain); everything that
shows or prints a row — the audit page, the dossier's audit excerpt — words it here, so a reader
never meets ``intake_sensitive`` or ``failures=3``.

A detail is ``;``-separated parts; a part is ``:``- or space-separated segments, read left to right:
``key=value`` (``failures=3``), a key that takes the next segment (``create:social_worker``,
``form:F15``, ``case:TS-2026-00001``), a word (``dossier``), a step or ``step.kind`` with the changed
fields after it (``relief.placement:place,room``), or ``repair:`` with its ``name=count`` list.
``pieces`` reports a segment it does not know, which the vocabulary test refuses for every code the
code base writes.
"""

from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import import_module

from victimcare.casework.approvals.rules import BY_KIND as APPROVAL_KINDS, STATE_LABELS as APPROVAL_STATES
from victimcare.casework.audit_refs import NUMBER_KEY, RANGE_SEP
from victimcare.casework.steps import BY_CODE as STEPS
from victimcare.casework.steps.intake.rules import EDIT_FIELDS
from victimcare.casework.steps.school.rules import CHANGES as SCHOOL_CHANGES, HISTORY_KINDS as SCHOOL_HISTORY
from victimcare.db.schema import COMPARTMENT_LABELS, COMPARTMENTS
from victimcare.security.audit import CATEGORY_LABELS, OBJECT_LABELS
from victimcare.security.backup_files import PREFIX as BACKUP_PREFIX
from victimcare.security.permissions import ROLE_LABELS, ROLE_LABELS_EN, Op, Role

Words = tuple[str, str]  # (Chinese, English)

# Detail words that stand alone.
WORDS: dict[str, Words] = {
    "session_expired": ("登录满 12 小时自动锁定", "locked after 12 hours signed in"),
    "must_change": ("须先修改初始密码", "must change the first password"),
    "reset": ("站长重置密码", "password reset by the supervisor"),
    "own": ("本人修改密码", "own password changed"),
    "disable": ("停用账户", "account disabled"), "enable": ("重新启用账户", "account enabled again"),
    "unlock": ("解除账户锁定", "account unlocked"),
    "locked": ("失败次数过多，账户已锁定", "too many failures: account locked"),
    "restore": ("从备份恢复", "restored from a backup"),
    "ok": ("全部导入", "all imported"), "rejected": ("文件有误，未导入", "file refused, nothing imported"),
    "failed": ("写入失败，未导入", "writing failed, nothing imported"),
    "recovered": ("中断后补记", "recorded after an interruption"),
    "cases_json": ("个案数据（JSON）", "case data (JSON)"), "xlsx": ("Excel 表格", "Excel sheet"),
    "dossier": ("专门档案", "dossier"), "blank": ("空白表", "blank form"),
    "rendered": ("已生成", "rendered"), "cancelled": ("已取消", "cancelled"),
    "preview": ("预览", "preview"), "printed": ("已打印", "printed"),
    "save": ("保存为文件", "saved as a file"), "encrypted": ("已加密", "encrypted"),
    "demo": ("演示数据", "demo data"),
    "intake_sensitive": ("查看健康状况与被拐经过", "health and trafficking circumstances viewed"),
    "intake_edit_form": ("打开接收登记修改表", "intake edit form opened"),
    "rotation_rolled_forward": ("登录时完成了中断的密钥轮换", "an interrupted key rotation was completed at sign-in"),
    "rotation_rolled_back": ("登录时撤销了中断的密钥轮换（保持原密钥）",
                             "an interrupted key rotation was undone at sign-in (old keys kept)"),
    "rotation_incomplete": ("密钥轮换未完成，已锁定", "key rotation incomplete: locked"),
    "rotation_failed": ("密钥轮换未完成，文件无法重新打开，已锁定", "key rotation not done, files could not be reopened: locked"),
}
# Words that mean something else on one kind of object.
WORDS_BY_OBJECT: dict[str, dict[str, Words]] = {
    "approval": {**{code: (zh, en) for code, (zh, en) in APPROVAL_STATES.items()},
                 "requested": ("提请审批", "requested")},
    "school_placement": {**SCHOOL_HISTORY, **SCHOOL_CHANGES},
}
DUPLICATE_DECISIONS: dict[str, Words] = {
    "new_case": ("疑似重复，仍新建个案", "possible duplicate, new case created"),
    "same_person": ("疑似重复，确认为同一人", "possible duplicate, same person"),
    "cancelled": ("疑似重复，取消登记", "possible duplicate, intake cancelled"),
}
REPAIRS: dict[str, Words] = {
    "referral": ("补全转介入学", "referrals completed"), "step_record": ("补全环节记录", "step records completed"),
    "intake_edit": ("补全接收登记修改", "intake edits completed"),
    "intake_edit_dropped": ("丢弃未完成的接收登记修改", "unfinished intake edits dropped"),
    "school_copy": ("同步入学安置副本", "school copies updated"),
    "school_sync": ("同步入学安置状态", "school statuses synchronised"),
    "school_mirror": ("核对入学安置镜像", "school mirrors reconciled"),
    "sensitive": ("删除未完成个案的敏感部分", "sensitive parts of unfinished cases deleted"),
    "school": ("删除未完成个案的入学部分", "school parts of unfinished cases deleted"),
    "outbox:core": ("补记审计（个案与身份）", "audit entries recorded (core)"),
    "outbox:school": ("补记审计（入学安置）", "audit entries recorded (school)"),
    "outbox:sensitive": ("补记审计（敏感信息）", "audit entries recorded (sensitive)"),
}
SETTINGS: dict[str, Words] = {
    "backup_policy": ("备份策略", "backup policy"), "holidays": ("节假日表", "holiday table"),
    "case_no_pattern": ("个案编号格式", "case number pattern"), "form_font": ("表格字体", "form font"),
}
OPERATIONS: dict[str, Words] = {
    Op.ACCOUNT_MANAGE: ("账户管理", "account management"), Op.AUDIT_VIEW: ("查看审计日志", "viewing the audit log"),
    Op.VAULT_VERIFY: ("校验保险库", "vault verification"), Op.VAULT_BACKUP: ("备份与恢复", "backup and restore"),
    Op.SETTINGS_EDIT: ("修改设置", "changing settings"), Op.CASE_CREATE: ("新建个案", "creating cases"),
    Op.CASE_VIEW: ("查看个案", "viewing cases"), Op.CASE_EDIT: ("修改个案", "editing cases"),
    Op.CASE_VIEW_SENSITIVE: ("查看敏感信息", "viewing sensitive parts"),
    Op.CASE_EDIT_SENSITIVE: ("修改敏感信息", "editing sensitive parts"), Op.CASE_APPROVE: ("审批", "approving"),
    Op.CASE_IMPORT: ("导入个案", "importing cases"), Op.CASE_EXPORT: ("导出个案", "exporting cases"),
    Op.SCHOOL_REFER: ("转介入学", "school referral"), Op.SCHOOL_VIEW: ("查看入学安置", "viewing school placements"),
    Op.SCHOOL_EDIT: ("登记入学安置", "recording school placements"),
    Op.SCHOOL_EXPORT: ("导出入学安置台账", "exporting the school ledger"),
    Op.DEADLINES_VIEW: ("查看到期事项", "viewing deadlines"), Op.STATS_VIEW: ("查看报表", "viewing reports"),
    Op.PRINT_CASE: ("打印个案", "printing cases"), Op.PRINT_BLANK: ("打印空白表", "printing blank forms"),
}
_CASE_OBJECTS = ("case", "step_record", "school_placement", "school_child", "demo_cases")


def _pick(words: Words, english: bool) -> str:
    return words[1] if english else words[0]


# -- keys with a value --------------------------------------------------------------------------------

def _count(zh: str, en: str) -> Callable[[str, bool], str]:
    return lambda value, english: (en if english else zh).format(n=value)


EQUALS: dict[str, Callable[[str, bool], str | None]] = {
    "failures": _count("连续第 {n} 次失败", "failure {n} in a row"),
    "pending_audit_dropped": _count("丢弃 {n} 条无效的待记登录事件", "{n} invalid queued sign-in events dropped"),
    "of": _count("（对应审计序号 {n}）", "(of audit entry {n})"),
    "seed": _count("随机种子 {n}", "seed {n}"),
    "edit": lambda _token, english: "two-step write" if english else "分步写入",  # the token is a handle only
}


def _role(value: str, english: bool) -> str | None:
    try:
        role = Role(value)
    except ValueError:
        return None
    return f"new account ({ROLE_LABELS_EN[role]})" if english else f"新建账户（{ROLE_LABELS[role]}）"


def _form(value: str, english: bool) -> str | None:
    from victimcare.casework.printing.catalog import BY_CODE as FORMS  # the forms kit: only when a row names one
    spec = FORMS.get(value)
    if spec is None:
        return None
    return f"form {spec.code}" if english else f"{spec.code}（{spec.title}）"


def _approval_kind(value: str, english: bool) -> str | None:
    kind = APPROVAL_KINDS.get(value)
    return None if kind is None else (kind.label_en if english else kind.label)


def _fields(value: str, english: bool) -> str | None:
    names = [n for n in value.split(",") if n]
    if not names or any(n not in EDIT_FIELDS for n in names):
        return None
    labels = [EDIT_FIELDS[n][1 if english else 0] for n in names]
    return ("intake edited: " + ", ".join(labels)) if english else "修改接收登记：" + "、".join(labels)


def _duplicate(value: str, english: bool) -> str | None:
    words = DUPLICATE_DECISIONS.get(value)
    return None if words is None else _pick(words, english)


def _role_change(value: str, english: bool) -> str | None:
    old, _, new = value.partition(">")
    try:
        old, new = Role(old), Role(new)
    except ValueError:
        return None
    if english:
        return f"role changed: {ROLE_LABELS_EN[old]} → {ROLE_LABELS_EN[new]}"
    return f"角色变更：{ROLE_LABELS[old]} → {ROLE_LABELS[new]}"


def _rotated(value: str, english: bool) -> str | None:
    names = [n for n in value.split(",") if n]
    if not names or any(n not in COMPARTMENTS for n in names):
        return None
    if english:
        return "re-encrypted with new keys: " + ", ".join(names)
    return "用新密钥重新加密：" + "、".join(COMPARTMENT_LABELS.get(n, n) for n in names)


TAKES: dict[str, Callable[[str, bool], str | None]] = {
    "create": _role,
    "role": _role_change,
    "rotate": _rotated,
    "form": _form,
    "kind": _approval_kind,
    "intake": _fields,
    "duplicate": _duplicate,
    "case": lambda value, english: f"case {value}" if english else f"个案 {value}",
    NUMBER_KEY: lambda value, english: f"case no. {value}" if english else f"个案编号 {value}",
    "replaced_by": lambda value, english: _backup(value, english, "replaced by backup ", "被备份替换："),
    "from": lambda value, english: _backup(value, english, "from backup ", "来自备份："),
}


def _backup(value: str, english: bool, en: str, zh: str) -> str | None:
    return (en if english else zh) + value if value.startswith(BACKUP_PREFIX) else None


# -- steps and their record kinds -----------------------------------------------------------------------

@lru_cache(maxsize=None)
def _kinds(step: str) -> dict:
    return {k.code: k for k in import_module(f"{STEPS[step].package}.rules").KINDS}


def _step_record(segment: str, changed: str | None, english: bool) -> str | None:
    step, _, kind_code = segment.partition(".")
    if step not in STEPS:
        return None
    text = STEPS[step].label_en if english else STEPS[step].label
    if not kind_code:
        return text
    kind = _kinds(step).get(kind_code)
    if kind is None:
        return None
    text += f": {kind.label_en}" if english else f"·{kind.label}"
    if changed:
        names = [n for n in changed.split(",") if n]
        if not all(any(f.name == n for f in kind.fields) for n in names):
            return None
        labels = [kind.field(n).label_en if english else kind.field(n).label for n in names]
        text += f" (changed: {', '.join(labels)})" if english else f"（改动：{'、'.join(labels)}）"
    return text


# -- reading a detail --------------------------------------------------------------------------------

def pieces(detail: str, object_type: str = "", english: bool = False) -> Iterator[tuple[str, bool]]:
    """(text, known) for every piece of ``detail``; an unknown piece is its code as stored."""
    overlay = WORDS_BY_OBJECT.get(object_type, {})
    for part in (detail or "").split(";"):
        part = part.strip()
        if not part:
            continue
        if part.startswith("repair:"):
            yield from _repair(part[len("repair:"):], english)
            continue
        segments = part.replace(" ", ":").split(":")
        i = 0
        while i < len(segments):
            seg = segments[i]
            nxt = segments[i + 1] if i + 1 < len(segments) else None
            i += 1
            if not seg:
                continue
            if seg in overlay:
                yield _pick(overlay[seg], english), True
            elif seg in WORDS:
                yield _pick(WORDS[seg], english), True
            elif "=" in seg:
                key, _, value = seg.partition("=")
                text = EQUALS[key](value, english) if key in EQUALS else None
                yield (text, True) if text is not None else (seg, False)
            elif seg in TAKES and nxt is not None:
                i += 1
                text = TAKES[seg](nxt, english)
                yield (text, True) if text is not None else (f"{seg}:{nxt}", False)
            elif seg.split(".")[0] in STEPS:
                changed = nxt if nxt is not None and "." in seg and nxt not in WORDS and "=" not in nxt else None
                if changed is not None:
                    i += 1
                text = _step_record(seg, changed, english)
                yield (text, True) if text is not None else (seg, False)
            elif seg.startswith(BACKUP_PREFIX):  # a backup generation's folder name (a vault id and a time)
                yield (f"backup {seg}" if english else f"备份 {seg}"), True
            else:
                yield seg, False


def _repair(items: str, english: bool) -> Iterator[tuple[str, bool]]:
    yield ("repaired at sign-in" if english else "登录时修复"), True
    for item in items.split(","):
        name, _, count = item.rpartition("=")
        if name in REPAIRS and count.isdigit():
            yield (f"{_pick(REPAIRS[name], english)} {count}" if english
                   else f"{_pick(REPAIRS[name], english)} {count} 项"), True
        elif item:
            yield item, False


def detail_text(detail: str, object_type: str = "", english: bool = False) -> str:
    sep = "; " if english else "；"
    return sep.join(text for text, _known in pieces(detail, object_type, english) if text).replace(
        sep + "（", "（").replace(sep + "(", " (")


def unknown(detail: str, object_type: str = "") -> list[str]:
    """The pieces of ``detail`` this vocabulary has no words for (in either language)."""
    return sorted({text for english in (False, True) for text, known in pieces(detail, object_type, english)
                   if not known})


# -- the other columns ----------------------------------------------------------------------------------

def object_text(entry: dict, english: bool = False) -> str:
    """The object of an entry and which one: a case by its number (a creation's id range gives way to the
    numbers its detail carries), a setting or a refused operation by its name."""
    kind, ref = entry.get("object_type", ""), str(entry.get("object_id", ""))
    label = _pick(OBJECT_LABELS[kind], english) if kind in OBJECT_LABELS else kind
    if kind in _CASE_OBJECTS and ref.replace("-", "").isdigit():
        ref = _numbers(entry.get("detail", "")) or ref
    elif kind == "settings" and ref in SETTINGS:
        ref = _pick(SETTINGS[ref], english)
    elif kind == "operation" and ref in OPERATIONS:
        ref = _pick(OPERATIONS[ref], english)
    return " ".join(x for x in (label, ref) if x)


def _numbers(detail: str) -> str:
    for part in (detail or "").split(";"):
        key, _, value = part.partition(":")
        if key == NUMBER_KEY and value:
            return value.replace(RANGE_SEP, " ～ ")
    return ""


def categories_text(codes: str, english: bool = False) -> str:
    words = [_pick(CATEGORY_LABELS[c], english) if c in CATEGORY_LABELS else c for c in (codes or "").split(",") if c]
    return (", " if english else "、").join(words)


def purpose_text(code: str, english: bool = False) -> str:
    """A print's purpose: the redaction profile's name."""
    from victimcare.casework.printing.profiles import PROFILES
    profile = PROFILES.get(code)
    if profile is None:
        return code
    return profile.label_en if english else profile.label


def row_detail(entry: dict, english: bool = False) -> str:
    """The detail column: the detail in words, without the case numbers the object column already shows."""
    detail = ";".join(p for p in (entry.get("detail") or "").split(";") if not p.startswith(f"{NUMBER_KEY}:"))
    return detail_text(detail, entry.get("object_type", ""), english)
