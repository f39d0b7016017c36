"""The demo vault (victimcare/demo.py): a password a trainee can type, and an older demo vault with the
Chinese password set aside for a new one, so the password shown always opens the vault."""

from victimcare.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, open_demo_vault
from victimcare.security.keyring import Keyring
from victimcare.security.passwords import check_new_password
from victimcare.security.vault import Vault
from victimcare.services import sign_in


def test_the_demo_password_is_plain_ascii_and_would_pass_the_password_rules():
    assert DEMO_PASSWORD.isascii() and DEMO_PASSWORD.isprintable() and " " not in DEMO_PASSWORD
    assert check_new_password(DEMO_PASSWORD, account="demo_zhanzhang", station="演示救助管理站") == DEMO_PASSWORD


def test_every_demo_account_opens_with_it(tmp_path, fast_kdf):
    vault = open_demo_vault(tmp_path / "demo", cases=3, kdf=fast_kdf)
    assert vault.is_demo
    for account in DEMO_ACCOUNTS:
        services = sign_in(vault, account, DEMO_PASSWORD)
        services.close()
    assert open_demo_vault(tmp_path / "demo").path == vault.path  # opened again, not made again


def test_an_older_demo_vault_with_the_chinese_password_is_set_aside(tmp_path, fast_kdf):
    path = tmp_path / "demo"
    Vault.create(path, station_name="演示救助管理站", station_code="DEMO", supervisor="demo_zhanzhang",
                 password="demo-演示数据-仅供培训", demo=True, kdf=fast_kdf)
    vault = open_demo_vault(path, cases=0, kdf=fast_kdf)
    sign_in(vault, "demo_zhanzhang", DEMO_PASSWORD).close()
    old = tmp_path / "demo-old"
    assert Vault.exists(old) and Keyring.load(old).is_demo
