"""Revocation by rotation: what an account could open is re-keyed when it loses it.

Deleting a disabled account's wraps is not enough: whoever kept a copy of the keyring (and knows the
password) still unwraps the old keys, and the old keys still open the files. So disabling an account,
lowering its role, or a supervisor's "rotate keys" re-keys the compartments concerned
(``rotation.rotate_compartments``: fresh keys, every file exported under them, one commit point) and
seals the fresh keys to every remaining holder's public key and the recovery code's (``holders``) —
no one's password is needed. The keyring change (the disable, the new role) is part of the same
commit: either the account keeps what it had and nothing moved, or it lost it and the files it could
open are new.
"""

from collections.abc import Callable

from victimcare.security import holders, rotation
from victimcare.security.keyring import Keyring
from victimcare.security.permissions import COMPARTMENTS_BY_ROLE


def rekey(session, names: set[str], change: Callable[[Keyring], None], progress=None):
    """Rotate the keys of compartments ``names`` with the keyring changed by ``change`` — applied inside
    the rotation, under the keyring's lock, so that no other sign-in's write slips in between and is
    lost, and the change commits with the new files or not at all. ``progress(done, total)``: as it goes."""
    def write_keyring(ring: Keyring, new_keys: dict[str, bytearray]) -> bytes:
        change(ring)
        holders.reseal_all(ring.data, new_keys, COMPARTMENTS_BY_ROLE)
        return ring.render(new_keys.get("audit") or session.key_for("audit"))

    return rotation.rotate_compartments(session, set(names), write_keyring, progress)
