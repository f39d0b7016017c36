"""The bundled GB/T 2260 and GB/T 3304 tables and their lookups."""

import csv
import hashlib
import json
from datetime import date

import pytest

from victimcare.domain import codes
from victimcare.core.resources import RESOURCES_DIR, resource_path

PROVINCES = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}  # fmt: skip


def read_rows(name):
    with resource_path("data", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_resources_dir_is_found_from_the_package():
    assert RESOURCES_DIR.is_dir()
    assert resource_path("data", "gbt2260.csv").is_file()


def test_table_is_dated_and_matches_its_metadata():
    meta = json.loads(resource_path("data", "gbt2260.meta.json").read_text(encoding="utf-8"))
    assert codes.TABLE_DATE == date(2025, 12, 31) == date.fromisoformat(meta["table_date"])
    for name in ("gbt2260.csv", "gbt2260_retired.csv"):
        data = resource_path("data", name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == meta[name]["sha256"], f"{name} changed without its metadata"
        assert len(read_rows(name)) == meta[name]["rows"]


def test_table_is_complete_down_to_counties():
    rows = read_rows("gbt2260.csv")
    assert len(rows) >= 3200
    all_codes = [r["code"] for r in rows]
    assert len(set(all_codes)) == len(all_codes)
    assert all(len(c) == 6 and c.isdigit() for c in all_codes)
    assert all(r["name"] and r["name"] == r["name"].strip() for r in rows)
    for code in all_codes:
        assert code[:2] + "0000" in all_codes, f"{code} has no province"


def test_retired_codes_do_not_overlap_current_ones():
    current = {r["code"] for r in read_rows("gbt2260.csv")}
    retired = read_rows("gbt2260_retired.csv")
    assert len(retired) > 1000
    assert not current & {r["code"] for r in retired}
    assert all(len(r["code"]) == 6 and r["code"].isdigit() and r["name"] for r in retired)


@pytest.mark.parametrize(("prefix", "name"), PROVINCES.items())
def test_every_province(prefix, name):
    assert codes.region_name(prefix + "0000") == name
    assert codes.is_known_region(prefix + "0000", include_retired=False)


@pytest.mark.parametrize(
    ("code", "full"),
    [
        ("350000", "福建省"),
        ("350400", "福建省三明市"),
        ("350426", "福建省三明市尤溪县"),
        ("350404", "福建省三明市三元区"),
        ("350405", "福建省三明市沙县区"),
        ("110101", "北京市东城区"),  # no prefecture level
        ("429004", "湖北省仙桃市"),  # county-level city directly under the province
        ("441900", "广东省东莞市"),
        ("810000", "香港特别行政区"),
        ("350402", "福建省三明市梅列区"),  # retired in 2021, still on old IDs
    ],
)
def test_region_full_name(code, full):
    assert codes.region_full_name(code) == full


def test_youxi():
    assert codes.region_name("350426") == "尤溪县"
    assert codes.region_name("350400") == "三明市"
    assert codes.region_name("350000") == "福建省"


def test_retired_codes():
    assert codes.region_name("350402") == "梅列区"
    assert codes.is_known_region("350402")
    assert not codes.is_known_region("350402", include_retired=False)
    assert codes.is_retired_region("350402")
    assert codes.is_retired_region("350427")  # 沙县 became 沙县区 350405
    assert not codes.is_retired_region("350426")
    assert codes.region_name("110103") == "崇文区"


@pytest.mark.parametrize("code", ["", "35", "359999", "3504260", "35042a", "３５０４２６", "000000", "830000"])
def test_unknown_codes(code):
    assert codes.region_name(code) is None
    assert codes.region_full_name(code) is None
    assert not codes.is_known_region(code)
    assert not codes.is_retired_region(code)


def test_search_by_name():
    assert codes.search_regions("尤溪")[0] == ("350426", "福建省三明市尤溪县")
    assert codes.search_regions("尤溪县") == [("350426", "福建省三明市尤溪县")]
    assert codes.search_regions(" 福建 尤溪 ")[0] == ("350426", "福建省三明市尤溪县")
    assert codes.search_regions("三明尤溪")[0] == ("350426", "福建省三明市尤溪县")


def test_search_ranks_exact_and_prefix_matches_first():
    results = codes.search_regions("三明")
    assert results[0] == ("350400", "福建省三明市")
    assert ("350426", "福建省三明市尤溪县") in results
    assert [c for c, _ in codes.search_regions("朝阳区", limit=50)][:2] == ["110105", "220104"]


def test_search_by_code_prefix():
    results = codes.search_regions("3504")
    assert results[0] == ("350400", "福建省三明市")
    assert ("350426", "福建省三明市尤溪县") in results
    assert all(code.startswith("3504") for code, _ in results)


def test_search_limits_and_retired_codes():
    assert len(codes.search_regions("县", limit=5)) == 5
    assert codes.search_regions("") == []
    assert codes.search_regions("   ") == []
    assert codes.search_regions("尤溪", limit=0) == []
    assert codes.search_regions("不存在的地方") == []
    assert codes.search_regions("梅列") == []
    assert codes.search_regions("梅列", include_retired=True) == [("350402", "福建省三明市梅列区")]


def test_ethnicities():
    groups = codes.ethnicities()
    assert len(groups) == 58
    assert groups[0] == ("01", "汉族")
    assert groups[55] == ("56", "基诺族")
    assert groups[-2:] == [("97", "其他"), ("98", "外国血统中国籍人士")]
    assert [c for c, _ in groups[:56]] == [f"{i:02d}" for i in range(1, 57)]
    assert all(name.endswith("族") for _, name in groups[:56])
    assert len({name for _, name in groups}) == 58
    assert codes.ethnicity_name("22") == "畲族"  # the She people of Fujian
    assert codes.ethnicity_name("99") is None


def test_ethnicities_returns_a_copy():
    codes.ethnicities().clear()
    assert len(codes.ethnicities()) == 58
