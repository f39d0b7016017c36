"""The one shared corpus of bad inputs (security-requirements.md A8), run through every entry point by
tests/test_bad_input_everywhere.py: sizes, control and format characters, bidi tricks, broken
encodings, injection strings, impossible dates and numbers, damaged files, rare characters. Synthetic."""

# Text a person (or a pasted document) may put into any field. Some are fine and must be kept exactly
# as typed (rare characters, injection-looking text); the rest must be refused with a reason.
TEXT = {
    "nul": "王\x00红",
    "escape": "王\x1b[2J红",
    "rtl_override": "abc\u202egnp",
    "zero_width": "王\u200b红",
    "isolate": "王\u2066红",
    "lone_surrogate": "张\ud800三",
    "noncharacter": "张\uffff",
    "private_use": "张\ue000",
    "bell_and_tab": "王\a\t红",
    "sql_injection": "'); DROP TABLE cases;--",
    "like_wildcards": "%_%\\",
    "formula": "=cmd|' /C calc'!A0",
    "html": "<b>王</b><script>x</script>",
    "ext_b": "𠀀𪚥",
    "ext_g": "𰻞𰻞面",
    "variation_selector": "葛\U000E0100优",
    "combining": "e\u0301lodie",
    "emoji_zwj": "👩\u200d👩\u200d👧",
    "fullwidth_digits": "２０２４年",
    "very_long": "长" * 6000,
    "only_spaces": "   ",
}
# Values that look like numbers or dates but are not valid ones.
DATES = ["2024-02-30", "1900-01-00", "13/13/2024", "2023年2月29日", "2999-01-01", "1e309", "-3", "NaN",
         "2026-03-01 25:61"]
AGES = ["1e309", "-3", "NaN", "abc", "", "200", "三十", "2024-02-30"]
# Whole files that are not what they claim to be.
FILES = {
    "utf16_bom.csv": "admitted_at,arrival_mode,sex\r\n".encode("utf-16"),
    "gbk_as_utf8.csv": "入站时间,来站方式,性别\r\n2026-03-01 10:00,自行来站,女\r\n".encode("gbk"),
    "overlong.csv": b"admitted_at,arrival_mode,sex\r\n\xc0\xaf,self,F\r\n",
    "truncated.xlsx": b"PK\x03\x04" + b"\x00" * 40,
    "not_json.json": b"{\"cases\": [",
    "nul_bytes.csv": b"admitted_at,arrival_mode,sex\r\n\x00\x00\x00\r\n",
    "empty.csv": b"",
}
