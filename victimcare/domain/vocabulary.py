"""Enumerations with stable codes (stored) and the official wording (shown and printed)."""

SEXES = (("M", "男"), ("F", "女"), ("U", "不详"))

ARRIVAL_MODES = (
    ("police_transfer", "公安解救移交"),
    ("police_escort", "公安护送"),
    ("street_relief", "街面救助"),
    ("urban_escort", "城管护送"),
    ("self", "自行来站"),
    ("hospital", "医院转来"),
    ("other", "其他"),
)

ID_TYPES = (
    ("resident_id", "居民身份证"),
    ("residence_permit", "港澳台居民居住证"),
    ("passport", "护照"),
    ("other", "其他证件"),
)

MENTAL_STATES = (
    ("normal", "未见异常"),
    ("suspected_mental", "疑似精神障碍"),
    ("suspected_intellectual", "疑似智力障碍"),
    ("unclear", "难以判断"),
)

POLICE_CHECKS = (
    ("cctv", "调取监控"),
    ("visits", "走访"),
    ("missing_db", "走失人口库比对"),
    ("population_db", "人口信息系统查询"),
    ("bulletin", "发布协查通报"),
)

DECISIONS = (("aid", "予以救助"), ("refuse", "不予救助"))

def label(options: tuple[tuple[str, str], ...], code: str) -> str:
    return dict(options).get(code, code)


def codes(options: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(code for code, _ in options)
