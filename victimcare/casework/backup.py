"""Encrypted backups of the whole vault and restoring one (supervisor only: ``Op.VAULT_BACKUP``).

``backup(to_folder)`` writes a new generation folder (``backup_files``) holding a verified keyed copy
of every compartment, the keyring, the audit anchor of the copied log, and a manifest. It runs on
the caller's thread with the session's own side connections, so the window's reads and writes go on
meanwhile. The four copies come from one moment: a read transaction is opened on every compartment
first, in the order core, school, sensitive, audit, the reverse of the case writer's commit order
(sensitive, school, core, then its audit entry), so every case in the copy has its rows and its
audit entries. Older generations of the vault beyond the station's ``backup_keep`` are deleted only
after the new one has been verified.

``inspect(from_folder)`` and ``restore(from_folder)`` work on a copy of the generation in a sibling
folder of the vault (the backup medium is only read): every file's sha256 and the manifest's MAC
are checked, every compartment is reopened and checked page by page. A restore then writes its
audit entry into the restored log, closes the session, sets the live vault aside as
``<vault>-replaced-<stamp>`` (kept, never deleted) and renames the restored folder into place.
``restore_without_session`` does the same for a vault that cannot be opened at all: the password
unwraps the backup's own keyring.
"""

import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3

from victimcare import __version__
from victimcare.casework.integrity import COMPARTMENT_LABELS
from victimcare.casework.settings import StationSettings
from victimcare.core.clock import SYSTEM_CLOCK
from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError, VaultError
from victimcare.core.fsutil import ensure_private_dir, fsync_dir, write_private_file
from victimcare.db.connection import open_compartment, transaction
from victimcare.db.migrate import migrate, schema_version
from victimcare.db.schema import COMPARTMENTS, latest_version
from victimcare.security import holders, vault_lock
from victimcare.security import backup_files as bf
from victimcare.security.audit import ANCHOR_FILE, AuditLog
from victimcare.security.crypto import wipe
from victimcare.security.holders import Held
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.keyring import KEYRING_FILE, Keyring
from victimcare.security.permissions import ROLE_LABELS, Op, Role, require

SNAPSHOT_ORDER = ("core", "school", "sensitive", "audit")
DB_FILES = tuple(f"{name}.db" for name in COMPARTMENTS)
EXPECTED_FILES = frozenset({*DB_FILES, KEYRING_FILE, ANCHOR_FILE})
UNCHANGED = "备份未被使用，当前保险库没有任何改动。"
OLDER_KEYS = ("此备份是在重新加密保险库或重置您的密码之前制作的，现在登录的账户无法在其中留下可校验的恢复记录。"
              f"{UNCHANGED}请退出登录，在登录窗口选择“从备份恢复”，输入备份当时的站长账户和密码。")


@dataclass
class GenerationInfo:
    """What a verified generation holds (no personal values: counts, dates, staff account names)."""
    folder: Path
    vault_id: str
    created_at: str
    station_code: str
    schema_versions: dict[str, int]
    counts: dict[str, dict[str, int]]
    accounts: list[tuple[str, str]] = field(default_factory=list)  # (account, role) in the backup's keyring

    @property
    def cases(self) -> int:
        return self.counts.get("core", {}).get("cases", 0)

    def lines(self) -> list[str]:
        out = [f"备份时间：{self.created_at}", f"机构代码：{self.station_code}", f"个案：{self.cases} 个",
               "数据结构版本：" + "，".join(f"{COMPARTMENT_LABELS[n]} {v}" for n, v in self.schema_versions.items()),
               "备份中的账户：" + "，".join(f"{a}（{ROLE_LABELS[Role(r)]}）" for a, r in self.accounts)]
        return out


@dataclass
class BackupResult:
    folder: Path
    created_at: str
    cases: int
    seconds: float
    manifest_sha256: str
    pruned: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    info: GenerationInfo
    set_aside: Path | None
    seconds: float


def _stamp(clock) -> tuple[str, str]:
    now = datetime.fromtimestamp(clock.now()).astimezone()
    return now.strftime("%Y%m%d-%H%M%S"), now.isoformat(timespec="seconds")


def _existing_folder(folder, what: str) -> Path:
    if not isinstance(folder, (str, os.PathLike)) or not str(folder).strip():
        raise VaultError(f"请选择{what}。")
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise VaultError(f"找不到文件夹“{folder.name or folder}”。请检查备份盘是否已插好、路径是否正确。")
    return folder.resolve()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refuse(problems: list[str], what: str) -> VaultError:
    shown = "；".join(problems[:3]) + ("；……" if len(problems) > 3 else "")
    return VaultError(f"{what}校验未通过：{shown}。")


# -- writing a generation ---------------------------------------------------------------------------

def _write_generation(work: Path, conns: dict, keys: dict, vault_path: Path, head_of, progress) -> dict:
    """Copy, check and rename each compartment inside ``work``; returns the manifest's content."""
    for name in SNAPSHOT_ORDER:  # one moment for all four: read transactions opened first
        conns[name].execute("BEGIN")
        conns[name].execute("SELECT count(*) FROM sqlite_master").fetchone()
    versions, counts = {}, {}
    for i, name in enumerate(SNAPSHOT_ORDER):
        source_counts = bf.row_counts(conns[name])
        versions[name] = schema_version(conns[name])
        tmp = bf.write_copy(conns[name], work / f"{name}.db{bf.PARTIAL}", keys[name])
        check = bf.check_copy(tmp, keys[name])
        if not check.problems and (check.version, check.counts) != (versions[name], source_counts):
            check.problems = ["副本的行数与原文件不一致"]
        if check.problems:
            raise VaultError(f"“{COMPARTMENT_LABELS[name]}”的备份副本校验未通过（发现 {len(check.problems)} 处问题），"
                             "可能是保险库的这一部分已损坏。这次备份已作废，以前的备份没有改动。"
                             "请先在“校验保险库”中检查，并联系技术人员。")
        os.replace(tmp, work / f"{name}.db")
        counts[name] = check.counts
        if progress is not None:
            progress(i + 1, len(SNAPSHOT_ORDER) + 1)
    seq, digest = head_of(conns["audit"])  # the anchor of the copied log, not the live one
    write_private_file(work / ANCHOR_FILE, f'{{"seq": {seq}, "hash": "{digest}"}}'.encode())
    bf.copy_private(vault_path / KEYRING_FILE, work / KEYRING_FILE)
    for conn in conns.values():
        conn.execute("COMMIT")
    return {"schema_versions": versions, "row_counts": counts, "audit_head": seq}


class BackupService(Service):
    @property
    def clock(self):
        return self.session.vault.clock

    def _keys(self) -> dict:
        missing = set(COMPARTMENTS) - self.session.compartments()
        if missing:
            raise VaultError("备份需要保险库全部四个部分的密钥，此账户没有。请用站长账户操作。")
        return {name: self.session.key_for(name) for name in COMPARTMENTS}

    def _settings(self, fn):
        return self.session.run(lambda: fn(StationSettings(self.session.conn("core"))))

    @operation(Op.VAULT_BACKUP, thread=CALLER)
    def backup(self, to_folder, progress=None) -> BackupResult:
        """A new verified generation in ``to_folder``; older ones beyond the station's number deleted."""
        started = time.perf_counter()
        s = self.session
        to_folder = _existing_folder(to_folder, "备份文件夹")
        if _inside(to_folder, s.vault.path.resolve()):
            raise VaultError("备份不能放在保险库文件夹里面。请选择另一个文件夹，最好是移动硬盘或 U 盘。")
        keys, keep = self._keys(), self._settings(lambda st: st.backup_keep())
        vault_id = s.vault.keyring.vault_id
        stamp, created = _stamp(self.clock)
        name = bf.new_generation_name(to_folder, vault_id, stamp)
        work = to_folder / f"{name}{bf.PARTIAL}"
        try:
            ensure_private_dir(work)
            with s.side_connections(audit=True) as conns:
                content = _write_generation(work, conns, keys, s.vault.path, _audit_head, progress)
            crash_point("backup_files_written")
            files = {f: bf.sha256_file(work / f) for f in sorted(EXPECTED_FILES)}
            manifest = {"format": bf.FORMAT, "vault_id": vault_id, "station_code": s.vault.keyring.station_code,
                        "created_at": created, "created_ts": self.clock.now(), "app_version": __version__,
                        "files": files, **content}
            write_private_file(work / bf.MANIFEST, bf.seal_manifest(manifest, keys["core"]))
            fsync_dir(work)
            crash_point("backup_before_rename")
            final = to_folder / name
            os.replace(work, final)
            fsync_dir(to_folder)
            crash_point("backup_after_rename")
        except BaseException as exc:
            shutil.rmtree(work, ignore_errors=True)
            if isinstance(exc, (UserError, sqlcipher3.Error, OSError)) and not s.locked:
                try:
                    s.record("backup", object_type="vault", object_id=vault_id, result="error")
                except UserError:  # a full disk or a lock: the refusal below still reaches the user
                    pass
            if isinstance(exc, OSError):
                raise VaultError(f"备份未能写完（{exc.strerror or exc}）：未完成的部分已删除，以前的备份没有改动。"
                                 "请检查备份盘的剩余空间和是否可写，然后重试。") from None
            if isinstance(exc, sqlcipher3.Error):
                raise VaultError("读取保险库时出错，备份未完成；未完成的部分已删除，以前的备份没有改动。"
                                 "请先在“校验保险库”中检查，并联系技术人员。") from None
            raise
        digest = bf.sha256_file(final / bf.MANIFEST)
        cases = content["row_counts"]["core"].get("cases", 0)
        self._settings(lambda st: _in_transaction(st, lambda: st.set_last_backup_at(self.clock.now())))
        s.record("backup", object_type="vault", object_id=vault_id, record_count=cases, file_hash=digest,
                 detail=name)
        crash_point("backup_before_prune")
        pruned = self._prune(to_folder, vault_id, keep, final)
        return BackupResult(final, created, cases, time.perf_counter() - started, digest, pruned)

    def _prune(self, folder: Path, vault_id: str, keep: int, newest: Path) -> list[str]:
        """Delete this vault's oldest complete generations beyond ``keep`` (never one whose manifest
        cannot be read: what cannot be identified is left alone), and its own unfinished leftovers."""
        for leftover in folder.glob(f"{bf.PREFIX}{vault_id}-*{bf.PARTIAL}"):
            shutil.rmtree(leftover, ignore_errors=True)
        complete = [g for g in bf.generations(folder, vault_id, check_hashes=False) if not g.problem]
        old = [g for g in complete if g.folder != newest][: max(len(complete) - keep, 0)]
        for g in old:
            shutil.rmtree(g.folder)
        if old:
            fsync_dir(folder)
        return [g.folder.name for g in old]

    @operation(Op.VAULT_BACKUP, thread=CALLER)
    def generations(self, folder) -> list[bf.Generation]:
        """This vault's generations in ``folder``, oldest first, each with its files checked."""
        return bf.generations(_existing_folder(folder, "备份文件夹"), self.session.vault.keyring.vault_id)

    # -- policy and reminder -----------------------------------------------------------------------------

    @operation(Op.VAULT_BACKUP)
    def policy(self) -> dict:
        st = StationSettings(self.session.conn("core"))
        return {"keep": st.backup_keep(), "remind_days": st.backup_remind_days(), "last_at": st.last_backup_at()}

    @operation(Op.VAULT_BACKUP)
    def set_policy(self, keep, remind_days) -> None:
        conn = self.session.conn("core")
        with transaction(conn):
            StationSettings(conn).set_backup_policy(keep, remind_days)
        self.session.record("update", object_type="settings", object_id="backup_policy")

    @operation(Op.VAULT_BACKUP)
    def reminder(self) -> dict | None:
        """None while the last backup is recent; else {"last_at": seconds or None, "age_days", "remind_days"}."""
        st = StationSettings(self.session.conn("core"))
        last, days = st.last_backup_at(), st.backup_remind_days()
        now = self.clock.now()
        if last is not None and now - last <= days * 86400:
            return None
        return {"last_at": last, "age_days": None if last is None else int((now - last) // 86400),
                "remind_days": days}

    # -- restoring --------------------------------------------------------------------------------------

    def _own_generation(self, from_folder) -> tuple[Path, dict]:
        folder = _existing_folder(from_folder, "要恢复的备份批次文件夹")
        manifest = bf.read_manifest(folder)
        if manifest["vault_id"] != self.session.vault.keyring.vault_id:
            raise VaultError(f"此备份属于另一个保险库（机构代码 {manifest.get('station_code', '?')}），"
                             "不能恢复到当前保险库。请选择本保险库的备份。")
        return folder, manifest

    @operation(Op.VAULT_BACKUP, thread=CALLER)
    def inspect(self, from_folder) -> GenerationInfo:
        """Verify a generation completely (on a copy beside the vault) and say what it holds."""
        folder, manifest = self._own_generation(from_folder)
        stamp, _ = _stamp(self.clock)
        staged = bf.prepare_staging(self.session.vault.path, f"{stamp}-check")
        try:
            return stage(folder, manifest, staged, self._keys())
        finally:
            shutil.rmtree(staged, ignore_errors=True)

    @operation(Op.VAULT_BACKUP, thread=CALLER)
    def restore(self, from_folder) -> RestoreResult:
        """Verify, then replace the vault with the generation; this session is closed afterwards."""
        started = time.perf_counter()
        s = self.session
        folder, manifest = self._own_generation(from_folder)
        stamp, _ = _stamp(self.clock)
        staged = bf.prepare_staging(s.vault.path, stamp)
        try:
            keys = self._keys()
            info = stage(folder, manifest, staged, keys)
            _check_restorer(staged, s)
            crash_point("restore_staged")
            audit_restore(staged, Held(s.identity, keys), s.vault.clock, actor=s.staff_id, role=str(s.role),
                          session_id=s.session_id, folder=folder, info=info)
            s.record("restore", object_type="vault", object_id=info.vault_id, record_count=info.cases,
                     file_hash=bf.sha256_file(folder / bf.MANIFEST), detail=f"replaced_by:{folder.name}")
            crash_point("restore_audited")
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        s.close(detail="restore")  # every connection closed before the folder is renamed (Windows)
        aside = _install(staged, s.vault.path, stamp)
        s.vault.keyring = Keyring.load(s.vault.path)
        return RestoreResult(info, aside, time.perf_counter() - started)


def _in_transaction(st: StationSettings, fn) -> None:
    with transaction(st.conn):
        fn()


def _audit_head(conn) -> tuple[int, str]:
    row = conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "0" * 64)


def stage(folder: Path, manifest: dict, staged: Path, keys: dict) -> GenerationInfo:
    """Copy a generation into ``staged`` and verify the copy completely; raises VaultError saying what
    is wrong (and that nothing changed), else returns what it holds."""
    names = set(manifest["files"])
    problems = [f"缺少 {n}" for n in sorted(EXPECTED_FILES - names)]
    problems += [f"多出不认识的文件 {n}" for n in sorted(names - EXPECTED_FILES)]
    if problems:
        raise _refuse(problems, "此备份") from None
    try:
        for name in sorted(names):
            bf.copy_private(folder / name, staged / name)
    except FileNotFoundError as exc:
        raise VaultError(f"此备份不完整：缺少文件 {Path(exc.filename).name}。{UNCHANGED}请选择另一个备份批次。") from None
    except OSError as exc:
        raise VaultError(f"读取备份时出错（{exc.strerror or exc}）。{UNCHANGED}请检查备份盘后重试。") from None
    problems = bf.hash_problems(staged, manifest)
    if not problems and not bf.manifest_mac_ok(manifest, keys["core"]):
        problems = ["清单的校验码不符（清单被改动，或备份是在重新加密保险库之前制作的：那样请退出登录，"
                    "在登录窗口选择“从备份恢复”并输入备份当时的站长账户和密码）"]
    if problems:
        raise VaultError(f"此备份已损坏或被改动：{'；'.join(problems[:3])}。{UNCHANGED}请选择另一个备份批次。")
    versions = {}
    for name in COMPARTMENTS:
        check = bf.check_copy(staged / f"{name}.db", keys[name])
        label = COMPARTMENT_LABELS[name]
        if check.problems:
            raise VaultError(f"此备份中“{label}”已损坏（发现 {len(check.problems)} 处问题）。{UNCHANGED}"
                             "请选择另一个备份批次。")
        if check.version > latest_version(name):
            raise VaultError(f"此备份由较新版本的 VictimCare 制作。{UNCHANGED}请先安装最新版本再恢复。")
        expected = (manifest.get("schema_versions", {}).get(name), manifest.get("row_counts", {}).get(name))
        if (check.version, check.counts) != expected:
            raise VaultError(f"此备份中“{label}”的内容与清单不符。{UNCHANGED}请选择另一个备份批次。")
        versions[name] = check.version
    ring = Keyring.load(staged)
    if ring.vault_id != manifest["vault_id"]:
        raise VaultError(f"此备份的密钥文件不属于清单中的保险库。{UNCHANGED}请选择另一个备份批次。")
    accounts = sorted((n, r["role"]) for n, r in ring.accounts().items())
    return GenerationInfo(folder, manifest["vault_id"], str(manifest.get("created_at", "")),
                          str(manifest.get("station_code", "")), versions, manifest["row_counts"], accounts)


def _check_restorer(staged: Path, session) -> None:
    """The restored log's own entry is signed by this session's key: the generation's keyring must certify
    it, else ``admin verify`` would call that entry forged (the password was reset since, say)."""
    data = Keyring.load(staged).data
    if holders.public_key(data, session.account, session.identity.key_id, data["root"]) is None:
        raise VaultError(OLDER_KEYS)


def audit_restore(staged: Path, held, clock, *, actor: str, role: str, session_id: str, folder: Path,
                  info: GenerationInfo) -> None:
    """The restore's own entry, signed by the restoring account, in the restored log (and anchor)
    before it is put in place."""
    conn = open_compartment(staged / "audit.db", held.keys["audit"])
    try:
        migrate(conn, "audit", backup=lambda _v: None)  # the generation on the medium is the copy before
        AuditLog(conn, staged, clock, signer=held.identity, signer_name=actor).append(actor=actor, role=role, session_id=session_id, action="restore",
                                             object_type="vault", object_id=info.vault_id,
                                             record_count=info.cases, file_hash=bf.sha256_file(folder / bf.MANIFEST),
                                             detail=f"from:{folder.name}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _install(staged: Path, vault_path: Path, stamp: str) -> Path | None:
    try:
        return bf.install_staged(staged, vault_path, stamp)
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise VaultError(f"恢复未完成：无法替换保险库文件夹（{exc.strerror or exc}）。当前保险库仍是原来的样子。"
                         "请关闭其他正在使用保险库的程序和窗口，然后重试。") from None


def restore_without_session(vault_path: Path, from_folder, account: str, password: str, *, confirm=None,
                            clock=SYSTEM_CLOCK) -> RestoreResult | None:
    """Restore a vault that cannot be opened (or is gone): the password unwraps the BACKUP's keyring,
    whose account must be a supervisor's there. ``confirm(info) -> bool`` is asked after verification;
    False leaves everything as it was and returns None."""
    from victimcare.security.vault import Vault
    started = time.perf_counter()
    vault_path = Path(vault_path).resolve()
    folder = _existing_folder(from_folder, "要恢复的备份批次文件夹")
    manifest = bf.read_manifest(folder)
    try:
        live_id = Keyring.load(vault_path).vault_id
    except VaultError:
        live_id = None  # unreadable or missing: it is set aside all the same, never deleted
    if live_id is not None and live_id != manifest["vault_id"]:
        raise VaultError(f"此备份属于另一个保险库（机构代码 {manifest.get('station_code', '?')}），"
                         "不能恢复到这个保险库文件夹。请选择本保险库的备份。")
    stamp, _ = _stamp(clock)
    ensure_private_dir(vault_path.parent)
    staged = bf.prepare_staging(vault_path, stamp)
    held = None
    try:
        for name in (KEYRING_FILE,):  # the backup's keyring first: the password is checked against it
            bf.copy_private(folder / name, staged / name)
        if bf.sha256_file(staged / KEYRING_FILE) != manifest["files"].get(KEYRING_FILE):
            raise VaultError(f"此备份的密钥文件已损坏或被改动。{UNCHANGED}请选择另一个备份批次。")
        backup_vault = Vault(staged, clock)
        record = backup_vault.keyring.account(account)
        held = backup_vault.unwrap(account, record, password) if record else None
        if held is None:
            raise VaultError("账户名或密码与备份中的不符（恢复时使用备份当时的账户和密码）。请检查后重试。")
        keys = held.keys
        require(Role(record["role"]), Op.VAULT_BACKUP)
        info = stage(folder, manifest, staged, keys)
        crash_point("restore_staged")
        if confirm is not None and not confirm(info):
            shutil.rmtree(staged, ignore_errors=True)
            return None
        audit_restore(staged, held, clock, actor=holders.staff_id(record), role=record["role"], session_id="-",
                      folder=folder, info=info)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    finally:
        if held is not None:
            held.wipe()
    holding = vault_path.is_dir()
    if holding:  # no other window or command may be writing into the vault that is set aside
        try:
            vault_lock.acquire(vault_path, account)
        except VaultError:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    try:
        aside = _install(staged, vault_path, stamp)
    finally:
        if holding:
            vault_lock.release(vault_path)
    return RestoreResult(info, aside, time.perf_counter() - started)
