"""Enumerations with stable codes (stored) and the official wording (shown and printed).

The Chinese wording is the official one (forms print it whatever the interface language);
``ENGLISH`` glosses every fixed wording of the domain for the English interface, so that ``--lang en``
shows no Chinese but what users typed and the names of places.
"""

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


# The English interface's gloss of every fixed Chinese wording above and of the few the rules write
# into records (step reasons, ID status, ethnic groups in GB/T 3304's romanisation).
ENGLISH: dict[str, str] = {
    "男": "Male", "女": "Female", "不详": "Unknown",
    "公安解救移交": "Transferred by police after rescue", "公安护送": "Escorted by police",
    "街面救助": "Street relief", "城管护送": "Escorted by city management", "自行来站": "Came on their own",
    "医院转来": "Referred by a hospital", "其他": "Other",
    "居民身份证": "Resident ID card", "港澳台居民居住证": "Residence permit (HK/Macao/Taiwan)", "护照": "Passport",
    "其他证件": "Other document",
    "未见异常": "No abnormality seen", "疑似精神障碍": "Suspected mental disorder",
    "疑似智力障碍": "Suspected intellectual disability", "难以判断": "Hard to tell",
    "调取监控": "CCTV footage", "走访": "Visits", "走失人口库比对": "Missing-persons database",
    "人口信息系统查询": "Population register query", "发布协查通报": "Assistance bulletin",
    "予以救助": "Aid granted", "不予救助": "Aid refused",
    "有": "Has an ID", "无": "No ID", "待查": "To be checked", "落户后取得": "After household registration",
    "非学龄": "not of school age", "未满16周岁": "under 16",
    "年龄不详": "age unknown", "无劳动能力": "unable to work", "暂无就业意愿": "does not want to work for now",
    "已就业": "employed", "待审查决定": "awaiting the decision", "不予法律援助": "legal aid refused",
    "待指派律师": "awaiting a lawyer", "律师承办中": "a lawyer is acting", "援助事项已办结": "legal aid concluded",
    "转介教育部门安排入学": "Referred to the education bureau for school placement",
    "登记入学安置": "School placement recorded", "修改入学安置": "School placement edited",
    "学籍转接已启动": "School record transfer started", "学籍转接已办结": "School record transfer completed",
    "转学": "Transferred to another school", "毕业": "Graduated", "辍学": "Dropped out", "劝返复学": "Returned to school",
    "发布寻亲公告": "Search notice published", "护送返回家庭": "Escorted home to the family", "结案": "Case closed",
    "身份证号相同": "same ID number", "姓名读音相同且年龄、性别相近": "name sounds the same, similar age and same sex",
    "姓名相近且年龄、性别相近": "similar name, similar age and same sex",
    "汉族": "Han", "蒙古族": "Mongol", "回族": "Hui", "藏族": "Zang", "维吾尔族": "Uygur", "苗族": "Miao",
    "彝族": "Yi", "壮族": "Zhuang", "布依族": "Buyei", "朝鲜族": "Chosen", "满族": "Man", "侗族": "Dong",
    "瑶族": "Yao", "白族": "Bai", "土家族": "Tujia", "哈尼族": "Hani", "哈萨克族": "Kazak", "傣族": "Dai",
    "黎族": "Li", "傈僳族": "Lisu", "佤族": "Va", "畲族": "She", "高山族": "Gaoshan", "拉祜族": "Lahu",
    "水族": "Sui", "东乡族": "Dongxiang", "纳西族": "Naxi", "景颇族": "Jingpo", "柯尔克孜族": "Kirgiz",
    "土族": "Tu", "达斡尔族": "Daur", "仫佬族": "Mulao", "羌族": "Qiang", "布朗族": "Blang", "撒拉族": "Salar",
    "毛南族": "Maonan", "仡佬族": "Gelao", "锡伯族": "Xibe", "阿昌族": "Achang", "普米族": "Pumi",
    "塔吉克族": "Tajik", "怒族": "Nu", "乌孜别克族": "Uzbek", "俄罗斯族": "Russ", "鄂温克族": "Ewenki",
    "德昂族": "Deang", "保安族": "Bonan", "裕固族": "Yugur", "京族": "Gin", "塔塔尔族": "Tatar",
    "独龙族": "Derung", "鄂伦春族": "Oroqen", "赫哲族": "Hezhen", "门巴族": "Monba", "珞巴族": "Lhoba",
    "基诺族": "Jino", "外国血统中国籍人士": "Chinese citizen of foreign origin",
    # reasons the step records give with a status (casework/steps/*/rules.py)
    "住院中": "In hospital", "心理风险待跟进": "Psychological risk to follow up",
    "未成年人交接待站长审批": "Handover of a minor awaiting the supervisor's approval",
    "站长未批准这次交接，请修改后重新提请": "The supervisor did not approve this handover: change it and ask again",
    "待站长审批": "Awaiting the supervisor's approval", "已批准": "Approved",
    "站长未批准，请修改后重新申请": "The supervisor did not approve: change the application and apply again",
    "已查明": "Identified", "未查明": "Not identified", "转落户": "Passed to household registration",
    "已转落户，落户后继续查找":
        "Passed to household registration; the search goes on after it",
    "比中后待记录本人（16周岁以上）的选择": "After the match: the person's own choice (16 or over) is still to be recorded",
}
