"""The three ways users meet nrc: ingest/show (the review), diff (the table), check (CI drift).

Views are tested through their captured output: `main([...], out=StringIO(), err=StringIO())`.
Rule sets are written by hand here (small, following docs/spec rules-format), so
the views are tested independently of how much extraction finds today.
Snapshot files under tests/snapshots/ are compared byte for byte; regenerate
them with NRC_SNAPSHOT_UPDATE=1 and read the result before committing.
"""
from __future__ import annotations

import copy
import io as _io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from extractor import api
from extractor.cli import main
from extractor.compare import drift, fact_rows
from extractor.emit import dumps
from extractor.facts import skeleton
from extractor.review import build

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
ANSI = re.compile(r"\x1b\[")


# ------------------------------------------------------------------ hand-written rule sets
def _rules(path: str, **parts) -> dict:
    r = skeleton()
    r["source"] = {"path": path, "sha256": "0" * 64, "media_type": "text/plain"}
    for key, value in parts.items():
        if isinstance(value, dict) and isinstance(r.get(key), dict):
            r[key].update(value)
        else:
            r[key] = value
    return r


def wuhe_2024() -> dict:
    """五河县 2024 (2025 年度), as its notice states it (corpus/anhui-wuhe_2024.txt)."""
    return _rules(
        "corpus/anhui-wuhe_2024.txt",
        notice={"title": "五河县2024年（2025年度）城乡居民参加基本医疗保险工作方案", "doc_number": "五医保〔2024〕21号",
                "issued_on": "2024-09-14", "issuers": ["五河县医疗保障局", "五河县税务局"]},
        region={"name": "五河县", "level": "county", "province": "安徽省", "code": "340322"},
        scheme_year=2025,
        funding={"total": 1070, "individual": 400, "government": 670,
                 "government_split": {"central": 402, "provincial": 201, "county": 67}},
        subsidies=[
            {"group": "特困人员", "label": "特困人员", "basis": "full", "subsidy": 400, "personal": 0},
            {"group": "低保对象", "label": "低保对象", "basis": "fixed", "subsidy": 340, "personal": 60},
            {"group": "防止返贫监测对象", "label": "防止返贫监测对象", "basis": "fixed", "subsidy": 200, "personal": 200},
        ],
        subsidy_rule="highest",
        periods={"enrollment": {"start": "2024-09-01", "end": "2024-12-31"},
                 "coverage": {"start": "2025-01-01", "end": "2025-12-31"}, "extensions": []},
        evidence={
            "/funding/total": {"line": 72, "quote": "2024年居民医保筹资标准为每人1070元"},
            "/funding/government": {"line": 73, "quote": "其中各级政府财政补助标准为每人670元"},
            "/funding/government_split": {"line": 74, "quote": "由中央、省、县分别补助402元、201元、67元"},
            "/funding/individual": {"line": 75, "quote": "居民个人缴费标准为每人400元"},
            "/subsidies/0": {"line": 77, "quote": "对特困人员给予全额资助"},
            "/subsidies/0/subsidy": {"line": 77, "quote": "对特困人员给予全额资助", "derived": True},
            "/subsidies/1": {"line": 78, "quote": "对低保对象给予340元定额资助，个人缴纳60元"},
            "/subsidies/2": {"line": 79, "quote": "对防止返贫监测对象给予200元定额资助，个人缴纳200元"},
            "/subsidy_rule": {"line": 93, "quote": "多重身份的按就高原则享受资助（补贴），不得重复享受"},
            "/periods/enrollment": {"line": 96, "quote": "集中参保缴费期为2024年9月1日至2024年12月31日"},
            "/periods/coverage": {"line": 97, "quote": "待遇享受期为2025年1月1日至2025年12月31日"},
        },
        unexplained=[{"line": 88, "quote": "定额资助低保、防止返贫监测对象等纳入低收入人口监测的事实无人抚养儿童参保", "kind": "money",
                      "text": "定额资助"}],
    )


def hefei_2025_draft() -> dict:
    """合肥市 2025 draft (corpus/anhui-hefei_2025-draft.txt): percentages, a college class, a target."""
    return _rules(
        "corpus/anhui-hefei_2025-draft.txt",
        notice={"title": "合肥市2025年基本医疗保险参保扩面工作方案（征求意见稿）", "issued_on": "2025-08-20",
                "status": "draft", "issuers": ["合肥市医疗保障局"]},
        region={"name": "合肥市", "level": "city", "province": "安徽省", "code": "340100"},
        scheme_year=2026,
        funding={"total": None, "individual": 400, "government": None,
                 "classes": [{"population": "大学生", "individual": 350, "total": None, "government": None, "year": 2026}]},
        subsidies=[
            {"group": "特困人员", "label": "特困人员", "basis": "full"},
            {"group": "低保对象", "label": "低保对象", "basis": "percent", "percent": 90, "subsidy": 360, "personal": 40},
            {"group": "防止返贫监测对象", "label": "防止返贫监测对象", "basis": "percent", "percent": 50, "subsidy": 200,
             "personal": 200},
            {"group": "低保边缘家庭", "label": "低保边缘家庭", "basis": "percent", "percent": 20, "subsidy": 80,
             "personal": 320},
        ],
        schedule=[{"phase": "总结提升阶段", "start": "2025-12-01", "end": "2025-12-31", "task": "总结提升"}],
        targets=[{"population": "户籍人口", "rate": 96, "bound": "min", "by": "2025-12-31"}],
        evidence={
            "/funding/classes/0": {"line": 20, "quote": "大学生参加2026年度居民医保个人缴费标准为350元"},
            "/subsidies/0": {"line": 21, "quote": "医疗救助基金对特困人员给予全额资助"},
            "/subsidies/1": {"line": 21, "quote": "对低保对象、低保边缘家庭老年人、计划生育特殊家庭父母给予90%定额资助"},
            "/subsidies/1/subsidy": {"line": 21, "quote": "给予90%定额资助", "derived": True},
            "/subsidies/2": {"line": 21, "quote": "防止返贫监测对象给予50%定额资助"},
            "/subsidies/3": {"line": 21, "quote": "对低保边缘家庭给予20%定额资助"},
            "/schedule/0": {"line": 30, "quote": "（五）总结提升阶段（12月1日至12月底）", "year_inferred": True},
            "/targets/0": {"line": 7, "quote": "力争到2025年底，全市户籍人口参保率稳定在96%以上"},
        },
        warnings=[{"code": "individual_unstated", "message": "individual 400 taken from the 2025 standard",
                   "pointer": "/funding/individual"}],
    )


def hefei_2024() -> dict:
    """An earlier version of the same region, for the versions view."""
    r = hefei_2025_draft()
    r["notice"].update({"title": "合肥市2024年基本医疗保险参保扩面工作方案", "issued_on": "2024-08-30", "status": "final"})
    r["scheme_year"] = 2025
    r["subsidies"][1].update({"percent": 80, "subsidy": 320, "personal": 80})
    r["funding"]["classes"][0].update({"individual": 350, "year": 2025})
    r["warnings"] = []
    return r


def run(*argv, out=None):
    out = out if out is not None else _io.StringIO()
    err = _io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(path: Path, rules: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(rules), encoding="utf-8")
    return path


def snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("NRC_SNAPSHOT_UPDATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing snapshot {name}: run with NRC_SNAPSHOT_UPDATE=1 and read it"
    assert text == path.read_text(encoding="utf-8")


class FakeTTY(_io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


# ------------------------------------------------------------------ help
@pytest.mark.parametrize("command", ["ingest", "show", "diff", "check"])
def test_help_shows_an_example(command):
    code, out, _ = run(command, "--help")  # help goes to the stream the CLI was given
    assert code == 0
    assert "example:" in out and f"nrc {command}" in out.split("example:")[1]


# ------------------------------------------------------------------ review (show, ingest)
def test_review_data_marks_derived_inferred_and_quotes():
    r = build(hefei_2025_draft())
    by = {f.pointer: f for f in r.facts}
    assert by["/subsidies/1/subsidy"].derived and by["/subsidies/1/subsidy"].value == 360
    assert not by["/subsidies/1/percent"].derived
    assert by["/subsidies/1/percent"].quote.endswith("给予90%定额资助")  # from the tier's own evidence
    assert by["/schedule/0/start"].year_inferred
    assert by["/funding/individual"].quote is None  # no evidence: shown as such, never invented
    assert "/funding/total" in r.missing and "/scheme_year" not in r.missing
    assert r.strict_failures == 1


def test_show_rules_file_plain_when_piped(here):
    write(here / "hefei.json", hefei_2025_draft())
    code, out, err = run("show", "hefei.json")
    assert code == 0 and err == ""
    assert not ANSI.search(out)
    assert "[DRAFT]" in out
    assert "/subsidies/1/percent" in out and "给予90%定额资助" in out
    assert "360 (derived)" in out
    assert re.search(r"/schedule/0/start +2025-12-01 \(year[^\n]*\n +inferred\)", out)  # wrapped in its cell
    assert "individual_unstated" in out and "[/funding/individual]" in out
    assert "not found: /funding/total" in out


def test_show_unexplained_money_stands_out(here):
    write(here / "wuhe.json", wuhe_2024())
    code, out, _ = run("show", "wuhe.json")
    assert code == 0
    assert "Unexplained figures (1, 1 money)" in out
    assert re.search(r"! .*88 .*money .*定额资助", out)
    snapshot("show_wuhe.txt", out)


def test_show_colour_only_on_a_terminal_and_no_color_respected(here, monkeypatch):
    write(here / "wuhe.json", wuhe_2024())
    tty = FakeTTY()
    assert run("show", "wuhe.json", out=tty)[0] == 0
    assert ANSI.search(tty.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    tty = FakeTTY()
    assert run("show", "wuhe.json", out=tty)[0] == 0
    assert not ANSI.search(tty.getvalue().replace("\x1b[?25", ""))  # cursor codes are not colour


def test_show_a_notice_compiles_in_memory(here):
    shutil.copy(ROOT / "corpus" / "anhui-wuhe_2024.txt", here / "wuhe.txt")
    code, out, _ = run("show", "wuhe.txt")
    assert code == 0 and "source      wuhe.txt" in out
    assert list(here.iterdir()) == [here / "wuhe.txt"]  # nothing written


@pytest.mark.parametrize("setup, message", [
    (lambda d: None, "nrc: nope.json: no such file"),
    (lambda d: (d / "nope.json").write_text("{", encoding="utf-8"), "nrc: nope.json: not a rule set: invalid JSON"),
    (lambda d: (d / "nope.json").write_text("[]", encoding="utf-8"), "nrc: nope.json: not a rule set"),
])
def test_show_bad_input_is_one_line(here, setup, message):
    setup(here)
    code, out, err = run("show", "nope.json")
    assert code == 2 and out == ""
    assert err.startswith(message) and "(hint: " in err and err.count("\n") == 1


# ------------------------------------------------------------------ ingest
@pytest.fixture
def fake_extract(monkeypatch):
    """api.extract returning a hand-written rule set for files whose text names it."""
    real = api.extract
    table_ = {"HEFEI": hefei_2025_draft, "WUHE": wuhe_2024}

    def extract(path):
        if not Path(path).is_file():
            return real(path)
        text = Path(path).read_text(encoding="utf-8")
        for key, make in table_.items():
            if key in text:
                r = make()
                r["source"]["path"] = str(path)
                for name in ("region", "notice"):
                    r[name].update(json.loads(text.split("\n", 1)[1] or "{}").get(name, {}))
                return r
        return real(path)
    monkeypatch.setattr(api, "extract", extract)


def notice(path: Path, key: str, extra: dict | None = None, tail: str = "") -> Path:
    path.write_text(f"{key}{tail}\n{json.dumps(extra or {}, ensure_ascii=False)}", encoding="utf-8")
    return path


def test_ingest_names_by_region_and_year_and_never_overwrites(here, fake_extract):
    src = notice(here / "download.txt", "HEFEI")
    code, out, err = run("ingest", "download.txt")
    assert code == 0, err
    target = here / "corpus" / "安徽省-合肥市-2026-draft.txt"
    assert target.read_bytes() == src.read_bytes()
    rules = json.loads((here / "compiled_rules" / "安徽省-合肥市-2026-draft.json").read_text(encoding="utf-8"))
    assert rules["source"]["path"] == "corpus/安徽省-合肥市-2026-draft.txt"  # compiled from the copy
    assert "copied download.txt → corpus/安徽省-合肥市-2026-draft.txt" in out
    assert "/subsidies/1/percent" in out and "Warnings (1)" in out

    code, out, _ = run("ingest", "download.txt")  # the same bytes again
    assert code == 0 and "already ingested" in out
    assert sorted(p.name for p in (here / "corpus").iterdir()) == ["安徽省-合肥市-2026-draft.txt"]

    notice(here / "other.txt", "HEFEI", tail=" revised")  # different bytes, same name
    assert run("ingest", "other.txt")[0] == 0
    assert (here / "corpus" / "安徽省-合肥市-2026-draft-2.txt").read_bytes() == (here / "other.txt").read_bytes()
    assert target.read_bytes() == src.read_bytes()
    assert (here / "compiled_rules" / "安徽省-合肥市-2026-draft-2.json").exists()
    # the result is what `nrc compile corpus` would write: check is in sync
    assert run("check")[0] == 0


@pytest.mark.parametrize("region", [
    {"province": "..", "name": "../../etc/passwd"},
    {"province": "a/b\\c", "name": "x\x00y"},
    {"province": None, "name": "CON"},
    {"province": "安徽省", "name": "长" * 300},
    {"province": "...", "name": "."},
])
def test_ingest_names_cannot_leave_the_corpus(here, fake_extract, region):
    notice(here / "n.txt", "WUHE", {"region": region})
    code, out, err = run("ingest", "n.txt", "--corpus", "c", "--out", "r")
    assert code == 0, err
    files = [p for p in here.rglob("*") if p.is_file()]
    copied = [p for p in files if p.parent == here / "c" and not p.name.startswith(".")]
    assert len(copied) == 1 and copied[0].suffix == ".txt" and len(copied[0].name.encode()) <= 255
    assert copied[0].stem.split(".")[0].lower() != "con"
    assert {p.parent for p in files} <= {here, here / "c", here / "r"}


@pytest.mark.parametrize("extra", [{"region": {"name": None}}, {"scheme_year": None}])
def test_ingest_falls_back_to_the_original_name(here, monkeypatch, extra):
    monkeypatch.setattr(api, "extract", lambda p: {**wuhe_2024(), **extra})  # region or year unknown
    (here / "wuhe-notice.TXT").write_text("五河县", encoding="utf-8")
    code, out, _ = run("ingest", "wuhe-notice.TXT")
    assert code == 0 and "copied wuhe-notice.TXT → corpus/wuhe-notice.txt" in out
    assert (here / "corpus" / "wuhe-notice.txt").exists()
    assert (here / "compiled_rules" / "wuhe-notice.json").exists()


def test_diff_of_a_folder_of_notices(here):
    shutil.copytree(ROOT / "corpus", here / "corpus")
    code, out, err = run("diff", "corpus", "--format", "json")
    assert code == 0, err
    assert [Path(c["path"]).name for c in json.loads(out)["columns"]] == sorted(p.name for p in (ROOT / "corpus").iterdir())


def test_ingest_strict_fails_on_warnings_or_unexplained_money(here, fake_extract):
    notice(here / "h.txt", "HEFEI")  # one warning
    notice(here / "w.txt", "WUHE")   # one unexplained money figure
    code, out, _ = run("ingest", "w.txt", "--strict")
    assert code == 1 and "strict: failed (0 warning(s), 1 unexplained money figure(s))" in out
    code, out, _ = run("ingest", "h.txt", "--strict")
    assert code == 1
    assert run("ingest", "h.txt")[0] == 0  # without --strict, a review only


def test_ingest_bad_input_writes_nothing(here, fake_extract):
    notice(here / "h.txt", "HEFEI")
    code, out, err = run("ingest", "h.txt", "missing.txt")
    assert code == 2 and err.startswith("nrc: missing.txt: ") and "(hint: " in err
    assert not (here / "corpus").exists() and not (here / "compiled_rules").exists()


# ------------------------------------------------------------------ diff
def test_fact_rows_match_tiers_by_group_not_position():
    a, b = wuhe_2024(), wuhe_2024()
    b["subsidies"].reverse()
    assert fact_rows(a) == fact_rows(b)
    assert fact_rows(a)["subsidies[低保对象]"] == {"basis": "fixed", "subsidy": 340, "personal": 60}


def test_diff_two_regions_text(here):
    write(here / "r" / "wuhe.json", wuhe_2024())
    write(here / "r" / "hefei.json", hefei_2025_draft())
    code, out, err = run("diff", "r/wuhe.json", "r/hefei.json")
    assert code == 0, err
    assert not ANSI.search(out)
    head = out.splitlines()[1]
    assert head.index("五河县") < head.index("合肥市")  # regions in the order given
    assert re.search(r"\* funding\.total +1070 +—", out)
    assert re.search(r"  subsidies\[特困人员\]", out) is None or "* subsidies[特困人员]" in out
    assert re.search(r"\* subsidies\[低保对象\] +fixed 340, pays 60 +90% = 360, pays 40", out)
    assert re.search(r"  region\.province +安徽省 +安徽省", out)  # equal rows are not starred
    assert "* differs; — not stated" in out
    assert run("diff", "r/wuhe.json", "r/hefei.json", "--exit-code")[0] == 1
    assert run("diff", "r/wuhe.json", "r/wuhe.json", "--exit-code")[0] == 0


def test_diff_only_diff_and_folder_input(here):
    write(here / "r" / "a.json", wuhe_2024())
    write(here / "r" / "b.json", hefei_2025_draft())
    code, out, _ = run("diff", "r", "--only-diff")
    assert code == 0 and "26 of 28 fact row(s) differ" in out
    assert "region.province" not in out and "funding.total" in out


def test_diff_markdown_snapshot(here):
    write(here / "r" / "wuhe.json", wuhe_2024())
    write(here / "r" / "hefei.json", hefei_2025_draft())
    code, out, _ = run("diff", "r/wuhe.json", "r/hefei.json", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    table_lines = [x for x in lines if x.startswith("|")]
    assert len({x.count(" | ") for x in table_lines[2:]}) == 1  # every row has every column
    assert "| **funding.total** | **1070** | **—** |" in out
    snapshot("diff_two_regions.md", out)


def test_diff_json_is_machine_readable(here):
    write(here / "a.json", wuhe_2024())
    write(here / "b.json", hefei_2025_draft())
    code, out, _ = run("diff", "a.json", "b.json", "--format", "json")
    data = json.loads(out)
    assert data["mode"] == "regions" and data["differs"] is True
    assert [c["label"] for c in data["columns"]] == ["五河县", "合肥市"]
    row = {r["fact"]: r for r in data["rows"]}
    assert row["funding.total"]["values"] == [1070, None]
    assert row["subsidies[低保对象]"]["values"][1]["percent"] == 90
    assert row["region.province"]["differs"] is False


def test_diff_versions_of_one_region_ordered_by_issue_date(here):
    write(here / "new.json", hefei_2025_draft())
    write(here / "old.json", hefei_2024())
    code, out, _ = run("diff", "new.json", "old.json", "--format", "json")
    data = json.loads(out)
    assert data["mode"] == "versions"
    assert [c["label"] for c in data["columns"]] == ["2024-08-30", "2025-08-20 draft"]
    code, md, _ = run("diff", "new.json", "old.json", "--format", "markdown", "--only-diff")
    assert "| **subsidies[低保对象]** | 80% = 320, pays 80 | **90% = 360, pays 40** |" in md
    assert "subsidies[特困人员]" not in md


def test_diff_fifty_rule_sets_fit_80_columns_and_are_deterministic(here):
    from rich.cells import cell_len
    for n in range(50):
        r = wuhe_2024()
        r["region"]["name"] = f"县{n:02d}"
        r["funding"]["total"] = 1000 + n
        write(here / "r" / f"{n:02d}.json", r)
    code, out, err = run("diff", "r", "--width", "80")
    assert code == 0, err
    assert max(cell_len(x) for x in out.splitlines()) <= 80
    assert "columns 1–" in out and "of 50" in out
    assert all(f"县{n:02d}" in out for n in range(50))
    assert run("diff", "r", "--width", "80")[1] == out
    write(here / "r" / "50.json", wuhe_2024())
    code, _, err = run("diff", "r")
    assert code == 2 and "at most 50" in err


def test_diff_needs_two(here):
    write(here / "a.json", wuhe_2024())
    code, _, err = run("diff", "a.json")
    assert code == 2 and "needs at least 2" in err


# ------------------------------------------------------------------ compare / check
def test_drift_reports_facts_with_old_new_and_quote():
    old, new = wuhe_2024(), copy.deepcopy(wuhe_2024())
    new["funding"]["total"] = 1080
    new["evidence"]["/funding/total"]["quote"] = "2024年居民医保筹资标准为每人1080元"
    new["newborn"]["window_days"] = 90
    new["subsidy_rule"] = None
    new["evidence"]["/periods/coverage"]["line"] = 98
    d = drift(old, new)
    got = {(c.kind, c.pointer): c for c in d.changes}
    assert set(got) == {("changed", "/funding/total"), ("added", "/newborn/window_days"), ("removed", "/subsidy_rule")}
    c = got["changed", "/funding/total"]
    assert (c.old, c.new, c.line) == (1070, 1080, 72) and "1080元" in c.quote
    assert got["removed", "/subsidy_rule"].quote.startswith("多重身份")
    assert [p for p, _, _ in d.evidence] == ["/periods/coverage"]  # evidence-only, reported apart
    assert drift(old, copy.deepcopy(old)).drifted is False
    one = copy.deepcopy(old)
    one["funding"]["total"] = 1070.0
    assert drift(old, one).changes  # 1070 and 1070.0 are different bytes in the file


def _tiers(rules: dict) -> list[dict]:
    assert len(rules["subsidies"]) >= 3  # the seed has several tiers to shift
    return rules["subsidies"]


def _renumber(rules: dict, shift) -> None:
    """The evidence of /subsidies/n moved to /subsidies/shift(n) (None: dropped), as a recompile
    that inserted or removed a tier would write it."""
    out = {}
    for p, ev in rules["evidence"].items():
        parts = p.split("/")
        if len(parts) > 2 and parts[1] == "subsidies":
            n = shift(int(parts[2]))
            if n is None:
                continue
            parts[2] = str(n)
        out["/".join(parts)] = ev
    rules["evidence"] = out


def test_drift_lines_list_items_up_by_value_not_index():
    old = wuhe_2024()
    # a tier inserted first: that tier alone is added, the others only moved
    new = copy.deepcopy(old)
    extra = dict(_tiers(new)[0], label="农村低收入人口", group=None, subsidy=123)
    new["subsidies"].insert(0, extra)
    _renumber(new, lambda n: n + 1)
    new["evidence"]["/subsidies/0"] = {"line": 1, "quote": "农村低收入人口资助123元"}
    d = drift(old, new)
    assert {c.kind for c in d.changes} == {"added"}
    assert {c.pointer.split("/")[2] for c in d.changes} == {"0"}
    assert any(c.pointer == "/subsidies/0/subsidy" and c.new == 123 for c in d.changes)
    assert d.evidence == []  # the moved tiers' evidence moved with them
    # and a field changed in a tier after it: that field alone, under its new index
    new["subsidies"][2]["personal"] = 77
    got = {(c.kind, c.pointer) for c in drift(old, new).changes}
    assert ("changed", "/subsidies/2/personal") in got
    assert {k for k, _ in got} == {"added", "changed"} and len([1 for k, _ in got if k == "changed"]) == 1
    # a tier removed from the middle: reported removed under its old pointer, nothing else
    gone = copy.deepcopy(old)
    del gone["subsidies"][1]
    _renumber(gone, lambda n: None if n == 1 else n - (n > 1))
    d = drift(old, gone)
    assert {c.kind for c in d.changes} == {"removed"}
    assert {c.pointer.split("/")[2] for c in d.changes} == {"1"}
    assert all(c.quote for c in d.changes if c.kind == "removed")
    assert d.evidence == []


def _project(tmp: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    if (ROOT / "compiled_rules").is_dir():
        shutil.copytree(ROOT / "compiled_rules", tmp / "compiled_rules")


def test_check_in_sync_then_drift_in_committed_facts(here):
    _project(here)
    assert run("compile", "corpus")[0] == 0
    code, out, _ = run("check")
    assert code == 0 and "all in sync" in out
    # the committed file says something the notice does not: fact-level report
    path = here / "compiled_rules" / "anhui-wuhe_2024.json"
    committed = json.loads(path.read_text(encoding="utf-8"))
    fresh = copy.deepcopy(committed)
    assert committed["targets"] == []  # the Wuhe notice sets no enrollment-rate target
    committed["targets"] = [{"population": None, "rate": 97, "bound": "min", "by": None}]
    committed["evidence"]["/targets/0"] = {"line": 131, "quote": "参保率稳定在97%以上"}
    path.write_text(dumps(committed), encoding="utf-8")
    code, out, _ = run("check")
    assert code == 1
    assert "anhui-wuhe_2024.txt → compiled_rules/anhui-wuhe_2024.json: drift" in out
    assert "- /targets/0/rate: 97" in out and "line 131: 参保率稳定在97%以上" in out
    assert "1 drifted" in out and "nrc check --update" in out
    assert run("check", "--update")[0] == 0
    assert json.loads(path.read_text(encoding="utf-8")) == fresh
    assert run("check")[0] == 0


def test_check_new_notice_and_orphan_rules_are_drift(here):
    _project(here)
    assert run("compile", "corpus")[0] == 0
    shutil.copy(here / "corpus" / "anhui-wuhe_2024.txt", here / "corpus" / "extra_2024.txt")
    write(here / "compiled_rules" / "gone_2023.json", wuhe_2024())
    code, out, _ = run("check")
    assert code == 1
    assert "corpus/extra_2024.txt: new notice not compiled (no compiled_rules/extra_2024.json)" in out
    assert "compiled_rules/gone_2023.json: rules file without a notice" in out
    # one notice checked by name: other rules files are not orphans
    assert run("check", "corpus/anhui-wuhe_2024.txt")[0] == 0
    assert run("check", "--update")[0] == 0
    assert not (here / "compiled_rules" / "gone_2023.json").exists()
    assert (here / "compiled_rules" / "extra_2024.json").exists()
    assert run("check")[0] == 0


def test_check_bad_input_is_exit_2(here):
    code, out, err = run("check", "nowhere")
    assert code == 2 and err.startswith("nrc: nowhere: no such file or folder (hint: ")


def test_check_catches_a_changed_amount_in_a_notice(here):
    _project(here)
    assert run("compile", "corpus")[0] == 0
    assert run("check")[0] == 0
    p = here / "corpus" / "anhui-wuhe_2024.txt"
    p.write_text(p.read_text(encoding="utf-8").replace("1070", "1080"), encoding="utf-8")
    code, out, _ = run("check")
    assert code == 1
    assert re.search(r"~ /funding/total: 1070 → 1080", out)


@pytest.mark.parametrize("argv", [["show", "a.json"], ["diff", "a.json", "b.json"], ["check", "corpus"]])
def test_no_color_on_a_terminal_and_colour_otherwise(here, monkeypatch, argv):
    write(here / "a.json", wuhe_2024())
    write(here / "b.json", hefei_2025_draft())
    shutil.copytree(ROOT / "corpus", here / "corpus")
    def colours(text):
        return re.findall(r"\x1b\[[0-9;]*m", text)
    tty = FakeTTY()
    run(*argv, out=tty)
    assert colours(tty.getvalue())
    monkeypatch.setenv("NO_COLOR", "1")
    tty = FakeTTY()
    run(*argv, out=tty)
    assert not colours(tty.getvalue())
    piped = run(*argv)[1]
    monkeypatch.delenv("NO_COLOR")
    assert piped == run(*argv)[1] and not ANSI.search(piped)
