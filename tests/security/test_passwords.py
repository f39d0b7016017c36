"""R16 (NIST SP 800-63B): length over composition, NFKC, a blocklist, the user's own names refused;
R5: any character a person can type works end to end, because no password ever reaches SQL."""

import unicodedata

import pytest

from victimcare.core.errors import ValidationError, WrongPassword
from victimcare.security.passwords import MAX_LENGTH, MIN_LENGTH, check_new_password

PHRASE = "pale moon over the quiet harbour 1987, and the gulls"
STATION = "测试救助站"


def rejected(password, **kw) -> str:
    with pytest.raises(ValidationError) as err:
        check_new_password(password, **kw)
    assert err.value.field == "password"
    return err.value.message


def test_length_limits_count_code_points():
    assert (MIN_LENGTH, MAX_LENGTH) == (15, 256)
    assert "至少需要 15 个字符" in rejected(PHRASE[:14])
    assert check_new_password(PHRASE[:15]) == PHRASE[:15]
    chinese = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少"
    assert "当前 14 个" in rejected(chinese[:14])  # 42 bytes, but 14 characters
    assert check_new_password(chinese[:15]) == chinese[:15]
    assert check_new_password("\U00020000\U00020BB7𪚥\U00030EDE" * 4)  # 16 characters outside the BMP


def test_256_characters_accepted_257_rejected():
    long = (PHRASE * 6)[:256]
    assert check_new_password(long) == long
    assert "最多 256" in rejected((PHRASE * 6)[:257])


def test_a_megabyte_paste_is_rejected():
    assert "过长" in rejected("x" * 1_000_000)
    assert "过长" in rejected("密" * 1_000_000)


def test_no_composition_rules():
    for password in ("all lower case words here", "全部都是汉字没有数字也没有符号的一句话", "1029384756 5647382910"):
        check_new_password(password)


@pytest.mark.parametrize("password", [
    "!qaz2wsx#edc4rfv",  # keyboard pattern from the bundled blocklist
    "!QAZ2WSX#EDC4RFV",  # case does not matter
    "０１２３４５６７８９　０１２３４５６７８９",  # full-width form of a blocked entry
    "aaaaaaaaaaaaaaaaaaaa",  # one repeated character
    "abababababababababab",
    "abcdefghijklmnopqrs",  # a run
    "zyxwvutsrqponmlkj",  # a falling run
])
def test_common_and_trivial_passwords_are_rejected_with_the_reason(password):
    assert "过于常见" in rejected(password)


@pytest.mark.parametrize("password", [
    "zhanzhang is my name and password",
    "my account ZhanZhang forever and ever",
    "我在测试救助站工作已经好多年了",
    "victimcare rocks, truly it does",
    "ＶＩＣＴＩＭＣＡＲＥ ｆｕｌｌ ｗｉｄｔｈ ｔｏｏ",
])
def test_the_users_own_names_are_rejected(password):
    assert "账户名、机构名称或软件名称" in rejected(password, account="zhanzhang", station=STATION)


def test_the_result_is_the_nfkc_form():
    full_width = "ｐａｓｓ　ｔｈｅ　ｓａｌｔ　ｐｌｅａｓｅ　２０２６"
    assert check_new_password(full_width) == "pass the salt please 2026" == unicodedata.normalize("NFKC", full_width)


def test_full_width_and_half_width_log_in_alike(vault_factory, login, add_account):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    add_account(session, "shegong01", "social_worker", "ｐａｓｓ　ｔｈｅ　ｓａｌｔ　ｐｌｅａｓｅ　２０２６")
    session.close()
    login(vault, "shegong01", "pass the salt please 2026").close()
    login(vault, "shegong01", "ｐａｓｓ the ｓａｌｔ please ２０２６").close()


SPECIAL = {
    "quotes": "it's a \"quoted\" phrase; DROP TABLE meta;--",
    "sql-key": "x'00'\" ; PRAGMA key = ''; --",
    "emoji": "🔐🦊 family 👨‍👩‍👧 trip to 北京 ok",
    "rtl": "\u200fשלום abc \u202egnp.exe and more",
    "nul": "before the nul\x00after the nul!",
    "non-bmp": "\U00020000\U00020BB7 𪚥𰻞 葛\U000E0100 rare names",
}


def test_unusual_characters_work_end_to_end(vault_factory, login, add_account):
    """R5: create → log in with quotes, semicolons, NUL, emoji and RTL marks; nothing is truncated."""
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    accounts = {f"user{i:02d}": pw for i, pw in enumerate(SPECIAL.values())}
    for name, pw in accounts.items():
        add_account(session, name, "social_worker", pw)
    session.close()
    for (label, pw), name in zip(SPECIAL.items(), accounts):
        s = login(vault, name, pw)
        assert s.account == name, label
        s.close()
    with pytest.raises(WrongPassword):  # the part before the NUL is not enough
        vault.login("user04", SPECIAL["nul"].split("\x00")[0])


def test_a_new_account_must_change_its_first_password(vault_factory, login, add_account):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    first = add_account(session, "shegong01", "social_worker", first_password=True)
    session.close()
    session = login(vault, "shegong01", first)
    assert session.accounts.must_change_password()
    with pytest.raises(ValidationError, match="不能与当前密码相同"):
        session.accounts.change_own_password(first, first)
    with pytest.raises(ValidationError, match="账户名"):
        session.accounts.change_own_password(first, "shegong01 likes long walks")
    session.accounts.change_own_password(first, SPECIAL["emoji"])
    assert not session.accounts.must_change_password()
    session.close()
    with pytest.raises(WrongPassword):
        vault.login("shegong01", first)
    login(vault, "shegong01", SPECIAL["emoji"])
