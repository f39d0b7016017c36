"""Who may do what: the one permission matrix, and which compartment keys each role receives.

The services call ``require`` before every operation; the UI asks ``allowed`` only to hide what a
role cannot use. The compartment keys make the boundary hold even outside the app.
"""

from enum import StrEnum

from victimcare.core.errors import PermissionDenied


class Role(StrEnum):
    SUPERVISOR = "supervisor"
    SOCIAL_WORKER = "social_worker"
    EDUCATION_OFFICER = "education_officer"
    AUDITOR = "auditor"


ROLE_LABELS = {
    Role.SUPERVISOR: "站长/分管领导",
    Role.SOCIAL_WORKER: "救助站社工",
    Role.EDUCATION_OFFICER: "教育局工作人员",
    Role.AUDITOR: "审计/督导",
}
ROLE_LABELS_EN = {
    Role.SUPERVISOR: "Supervisor",
    Role.SOCIAL_WORKER: "Social worker",
    Role.EDUCATION_OFFICER: "Education officer",
    Role.AUDITOR: "Auditor",
}

# Every role writes the audit log (logins, views), so every role holds the audit key; only the
# matrix below lets a role read it. The audit log holds IDs and categories, never personal values.
COMPARTMENTS_BY_ROLE: dict[Role, frozenset[str]] = {
    Role.SUPERVISOR: frozenset({"core", "sensitive", "school", "audit"}),
    Role.SOCIAL_WORKER: frozenset({"core", "sensitive", "school", "audit"}),
    Role.EDUCATION_OFFICER: frozenset({"school", "audit"}),
    Role.AUDITOR: frozenset({"audit"}),
}


class Op(StrEnum):
    ACCOUNT_MANAGE = "account.manage"
    AUDIT_VIEW = "audit.view"
    VAULT_VERIFY = "vault.verify"
    VAULT_BACKUP = "vault.backup"
    SETTINGS_EDIT = "settings.edit"
    CASE_CREATE = "case.create"
    CASE_VIEW = "case.view"
    CASE_EDIT = "case.edit"
    CASE_VIEW_SENSITIVE = "case.view_sensitive"
    CASE_EDIT_SENSITIVE = "case.edit_sensitive"
    CASE_APPROVE = "case.approve"
    CASE_IMPORT = "case.import"
    CASE_EXPORT = "case.export"
    SCHOOL_REFER = "school.refer"
    SCHOOL_VIEW = "school.view"
    SCHOOL_EDIT = "school.edit"
    SCHOOL_EXPORT = "school.export"   # the 入学安置台账 as a file (XLSX) or as ``admin cases --json``
    DEADLINES_VIEW = "deadlines.view"
    STATS_VIEW = "stats.view"
    PRINT_CASE = "print.case"     # a case's forms and dossier; the role caps the redaction profile
    PRINT_BLANK = "print.blank"   # blank forms for hand filling, and the audit of a preview, print or save


# The operations that write the vault's compartments: refused while the session is read-only
# (damage found at open or by the background check, ``Session.read_only``). Every other operation
# only reads (and appends to the audit log, which stops too when the audit log itself is damaged).
# Account management writes the keyring file, not a compartment, and stays allowed.
VAULT_WRITES: frozenset[Op] = frozenset({
    Op.SETTINGS_EDIT, Op.CASE_CREATE, Op.CASE_EDIT, Op.CASE_EDIT_SENSITIVE, Op.CASE_APPROVE, Op.CASE_IMPORT,
    Op.SCHOOL_REFER, Op.SCHOOL_EDIT,
})

_S, _W, _E, _A = Role.SUPERVISOR, Role.SOCIAL_WORKER, Role.EDUCATION_OFFICER, Role.AUDITOR

MATRIX: dict[Op, frozenset[Role]] = {
    Op.ACCOUNT_MANAGE: frozenset({_S}),
    Op.AUDIT_VIEW: frozenset({_S, _A}),
    Op.VAULT_VERIFY: frozenset({_S, _A}),
    Op.VAULT_BACKUP: frozenset({_S}),
    Op.SETTINGS_EDIT: frozenset({_S}),
    Op.CASE_CREATE: frozenset({_S, _W}),
    Op.CASE_VIEW: frozenset({_S, _W}),
    Op.CASE_EDIT: frozenset({_S, _W}),
    Op.CASE_VIEW_SENSITIVE: frozenset({_S, _W}),
    Op.CASE_EDIT_SENSITIVE: frozenset({_S, _W}),
    Op.CASE_APPROVE: frozenset({_S}),
    Op.CASE_IMPORT: frozenset({_S}),
    Op.CASE_EXPORT: frozenset({_S}),
    Op.SCHOOL_REFER: frozenset({_S, _W}),
    Op.SCHOOL_VIEW: frozenset({_S, _W, _E}),
    Op.SCHOOL_EDIT: frozenset({_S, _W, _E}),
    Op.SCHOOL_EXPORT: frozenset({_S, _W, _E}),
    Op.DEADLINES_VIEW: frozenset({_S, _W, _E}),
    Op.STATS_VIEW: frozenset({_S, _A}),
    Op.PRINT_CASE: frozenset({_S, _W, _E}),
    Op.PRINT_BLANK: frozenset({_S, _W, _E}),
}

# Left navigation of PRODUCT.md §5: the operation that makes each section visible.
NAVIGATION: tuple[tuple[str, Op], ...] = (
    ("home", Op.DEADLINES_VIEW),
    ("cases", Op.CASE_VIEW),
    ("school", Op.SCHOOL_VIEW),
    ("reports", Op.STATS_VIEW),
    ("audit", Op.AUDIT_VIEW),
    ("settings", Op.ACCOUNT_MANAGE),
)


def allowed(role: Role | str, op: Op) -> bool:
    return Role(role) in MATRIX[op]


def require(role: Role | str, op: Op) -> None:
    if not allowed(role, op):
        raise PermissionDenied(f"当前角色（{ROLE_LABELS[Role(role)]}）无权执行此操作。如需办理，请联系站长。")


def navigation_for(role: Role | str) -> list[str]:
    return [section for section, op in NAVIGATION if allowed(role, op)]
