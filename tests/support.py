"""What tests import by name (a conftest is not importable reliably: tests/ui has its own)."""

STATION = "测试救助站"
STATION_CODE = "TS"
SUPERVISOR = "zhanzhang"
PASSWORD = "蓝色小船-over the quiet harbour-2718"  # synthetic; passes the password rules
OTHER_PASSWORD = "绿色山谷里 有一条 river-31415"  # for accounts the tests create


class SignedIn:
    """What the tests hold after signing in: the services (``signed.cases``, ``signed.intake`` …) and,
    for tests that look underneath, the session's own attributes (``signed.conn``, ``signed.owner`` …)."""

    def __init__(self, session):
        from victimcare.services import Services
        self.services = Services(session)
        self.session = session

    def __getattr__(self, name):
        try:
            return getattr(self.services, name)
        except AttributeError:
            return getattr(self.session, name)


def settle_first_password(session, *accounts):
    """Within a supervisor's session: mark accounts as having chosen their own password (signed)."""
    from victimcare.security.keyring import Keyring
    session = getattr(session, "session", session)
    with Keyring.update(session.vault.path, signer=session.key_for("audit")) as ring:
        for account in accounts:
            ring.account(account)["must_change"] = False
    session.vault.keyring = ring
    session.note_keyring_generation(ring.generation)


def skip_first_password_change(vault, *accounts, supervisor=SUPERVISOR, password=PASSWORD):
    """Mark accounts as having chosen their own password, as a supervisor's signed keyring write (the
    keyring is under a MAC: editing it by hand is refused at the next sign-in)."""
    from victimcare.security.keyring import Keyring
    session = vault.login(supervisor, password)
    try:
        with Keyring.update(vault.path, signer=session.key_for("audit")) as ring:
            for account in accounts:
                ring.account(account)["must_change"] = False
        vault.keyring = ring
        session.note_keyring_generation(ring.generation)
    finally:
        session.close()


def case_ref(signed, case_id) -> str:
    """What audit entries name a case by: its case number (``victimcare.casework.audit_refs``)."""
    session = getattr(signed, "session", signed)
    return session.owner.call(lambda: session.conn("core").execute(
        "SELECT case_no FROM cases WHERE id = ?", (case_id,)).fetchone()[0])


def staff_id(vault, account: str) -> str:
    """What audit entries name an account by: its pseudonymous staff ID (``holders.staff_id``)."""
    from victimcare.security import holders
    from victimcare.security.keyring import Keyring
    vault = getattr(getattr(vault, "session", vault), "vault", vault)
    return holders.staff_id(Keyring.load(vault.path).account(account))
