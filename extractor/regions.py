"""China's administrative divisions: name lookup, finding names in text, and
inferring the region a notice governs.

Data: grammar/vocab/regions.tsv (GB/T 2260 codes down to county level, made by
tools/make_regions.py) and grammar/vocab/province_abbr.toml (one-character
provincial abbreviations used in 文号).  Both are read lazily, once per process.
Towns (镇/乡/街道) are not in the table: lookup("老君坡镇") is None.

Levels: "province" (省/自治区/直辖市/特别行政区), "city" (地级市/地区/自治州/盟),
"county" (县/县级市/旗/自治县/林区/特区) and "district" (市辖区).

Short forms drop the unit word (合肥 → 合肥市, 五河 → 五河县, 黔南 →
黔南布依族苗族自治州, 广西 → 广西壮族自治区).  In lookup() a short form that
several regions share resolves to the single one of the highest level (吉林 →
吉林省, 朝阳 → 朝阳市), unless `within` narrows it.  find() looks for full names
of every level but short forms of provinces and cities only.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Region", "lookup", "find", "province_from_abbr",
           "province_from_doc_number", "infer"]

LEVELS = ("province", "city", "county", "district")
_RANK = {"province": 0, "city": 1, "county": 2, "district": 2}


@dataclass(frozen=True)
class Region:
    name: str
    level: str
    province: str
    code: str
    city: str | None = None


# ---------------------------------------------------------------- data

# The 56 nationalities as they appear inside names of autonomous areas; used
# only to derive short forms (黔南布依族苗族自治州 → 黔南).
_ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 "
    "锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 "
    "鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
# written without 族 in some names (巴音郭楞蒙古自治州, 伊犁哈萨克自治州)
_ETHNIC_BARE = ("蒙古", "哈萨克", "维吾尔", "柯尔克孜", "塔吉克", "锡伯")
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
_UNIT_SUFFIXES = ("特别行政区", "地区", "林区", "特区", "省", "市", "县", "区", "盟")
# short forms that are ordinary words in policy texts; never matched by find()
_FIND_STOP = frozenset({"安康", "长治", "白银", "阿里"})


def _short_form(name: str, level: str) -> str | None:
    s = name
    for suf in _AUTONOMOUS:
        if s.endswith(suf):
            s = s[: -len(suf)]
            changed = True
            while changed:
                changed = False
                for e in _ETHNIC:
                    for tok in (e + "族", e) if e in _ETHNIC_BARE else (e + "族",):
                        if s.endswith(tok) and len(s) - len(tok) >= 2:
                            s = s[: -len(tok)]
                            changed = True
            break
    else:
        if name.endswith("旗"):
            return None  # 土默特左旗 has no usable short form
        for suf in _UNIT_SUFFIXES:
            if s.endswith(suf):
                s = s[: -len(suf)]
                break
    if s == name or len(s) < 2:
        return None
    return s


class _Data:
    __slots__ = ("rows", "full", "short", "find_index", "maxlen")

    def __init__(self, text: str) -> None:
        rows: dict[str, tuple[str, str, str]] = {}
        full: dict[str, list[str]] = {}
        for line in text.splitlines():
            if not line or line[0] == "#" or line.startswith("code\t"):
                continue
            code, name, level, parent = line.split("\t")
            rows[code] = (name, level, parent)
            full.setdefault(name, []).append(code)
        self.rows = rows
        self.full = full
        self.short: dict[str, list[str]] | None = None
        self.find_index: dict[str, tuple[int, ...]] | None = None
        self.maxlen = 0

    def shorts(self) -> dict[str, list[str]]:
        if self.short is None:
            short: dict[str, list[str]] = {}
            for code, (name, level, _parent) in self.rows.items():
                s = _short_form(name, level)
                if s is not None and s not in self.full:
                    short.setdefault(s, []).append(code)
            self.short = short
        return self.short

    def index(self) -> dict[str, tuple[int, ...]]:
        """first character → candidate match lengths, longest first."""
        if self.find_index is None:
            lengths: dict[str, set[int]] = {}
            for name in self.full:
                lengths.setdefault(name[0], set()).add(len(name))
            for s, codes in self.shorts().items():
                if s not in _FIND_STOP and any(self.rows[c][1] in ("province", "city") for c in codes):
                    lengths.setdefault(s[0], set()).add(len(s))
            self.find_index = {ch: tuple(sorted(v, reverse=True)) for ch, v in lengths.items()}
        return self.find_index


_DATA: _Data | None = None
_ABBR: dict[str, str] | None = None


def _data() -> _Data:
    global _DATA
    if _DATA is None:
        from .grammars import vocab_path
        _DATA = _Data(vocab_path("regions.tsv").read_text("utf-8"))
    return _DATA


def _abbr() -> dict[str, str]:
    global _ABBR
    if _ABBR is None:
        import tomllib

        from .grammars import vocab_path
        with open(vocab_path("province_abbr.toml"), "rb") as fh:
            _ABBR = dict(tomllib.load(fh)["abbr"])
    return _ABBR


# ---------------------------------------------------------------- helpers

def _region(code: str) -> Region:
    d = _data()
    name, level, parent = d.rows[code]
    province = name
    city = name if level == "city" else None
    p = parent
    while p:
        pname, plevel, pparent = d.rows[p]
        if plevel == "province":
            province = pname
        elif plevel == "city":
            city = pname
        p = pparent
    return Region(name=name, level=level, province=province, code=code, city=city)


def _ancestors(code: str) -> list[str]:
    """code itself, then its parent, ... up to the province."""
    rows = _data().rows
    out = []
    c = code
    while c:
        out.append(c)
        c = rows[c][2]
    return out


def _is_within(code: str, anchors: set[str]) -> bool:
    return any(a in anchors for a in _ancestors(code))


def _clean(name: str) -> str:
    return "".join(name.split())


def _candidates(name: str) -> tuple[list[str], bool]:
    """(codes, by_short_form)."""
    d = _data()
    codes = d.full.get(name)
    if codes:
        return list(codes), False
    return list(d.shorts().get(name, ())), True


def _within_codes(within: str) -> set[str]:
    w = _clean(within)
    if w.isdigit() and len(w) in (2, 4, 6):
        code = w.ljust(6, "0")
        return {code} if code in _data().rows else set()
    full, _ = _candidates(w)
    return set(full)


def _pick_highest(codes: list[str]) -> str | None:
    rows = _data().rows
    best = min(_RANK[rows[c][1]] for c in codes)
    top = [c for c in codes if _RANK[rows[c][1]] == best]
    return top[0] if len(top) == 1 else None


# ---------------------------------------------------------------- API

def lookup(name: str, within: str | None = None) -> Region | None:
    """The region called `name` (full name or short form), or None.

    `within` (a province or city name, short form or GB/T 2260 code) keeps
    only regions inside it.  A full name shared by several regions (鼓楼区)
    is None unless `within` leaves one; a short form shared by several is the
    single highest-level one (吉林 → 吉林省).
    """
    n = _clean(name)
    if not n:
        return None
    d = _data()
    anchors = _within_codes(within) if within else None
    if within and not anchors:
        return None
    for codes, by_short in ((list(d.full.get(n, ())), False),
                            (list(d.shorts().get(n, ())), True)):
        if anchors is not None:
            codes = [c for c in codes if _is_within(c, anchors)]
        if len(codes) == 1:
            return _region(codes[0])
        if len(codes) > 1:
            if by_short:
                c = _pick_highest(codes)
                return _region(c) if c else None
            return None
    return None


_NOT_BEFORE_2 = frozenset("和与及各全本该每我其省市区县州")
_NOT_AFTER_2 = frozenset("级域乡")


def _scan(text: str) -> list[tuple[int, str, list[str], bool]]:
    """Greedy left-to-right, longest-first matches: (pos, surface, codes, short)."""
    d = _data()
    index = d.index()
    full, short = d.full, d.shorts()
    out: list[tuple[int, str, list[str], bool]] = []
    i, n = 0, len(text)
    prev_end = -1
    while i < n:
        hit = None
        for ln in index.get(text[i], ()):
            if i + ln > n:
                continue
            s = text[i:i + ln]
            if s in full:
                codes, by_short = full[s], False
            elif s in short and s not in _FIND_STOP:
                codes = [c for c in short[s] if d.rows[c][1] in ("province", "city")]
                by_short = True
                if not codes:
                    continue
            else:
                continue
            if ln == 2 and not by_short and prev_end != i:
                # 城区/矿区/郊区/东区 and 和县/宁县 need a parent just before them
                # or, for 县 names, a context that is not a conjunction or 县级
                if s.endswith("区"):
                    continue
                before = text[i - 1] if i else ""
                after = text[i + 2] if i + 2 < n else ""
                if before in _NOT_BEFORE_2 or after in _NOT_AFTER_2:
                    continue
            hit = (i, s, list(codes), by_short)
            break
        if hit:
            out.append(hit)
            i += len(hit[1])
            prev_end = i
        else:
            i += 1
    return out


def _resolve(groups: list[tuple[list[str], bool]], hint: set[str] | None = None) -> list[str | None]:
    """One code (or None) per group of candidates, using the others as context."""
    resolved: list[str | None] = [g[0][0] if len(g[0]) == 1 else None for g in groups]
    anchors = {c for c in resolved if c}
    changed = True
    while changed:
        changed = False
        for k, (codes, _short) in enumerate(groups):
            if resolved[k] is not None:
                continue
            inside = [c for c in codes if _is_within(c, anchors)]
            # also: a candidate that contains a resolved name (吉林 + 船营区)
            if not inside:
                inside = [c for c in codes if any(c in _ancestors(a) for a in anchors)]
            if len(inside) == 1:
                resolved[k] = inside[0]
                anchors.add(inside[0])
                changed = True
    for k, (codes, by_short) in enumerate(groups):
        if resolved[k] is None and hint:
            inside = [c for c in codes if _is_within(c, hint)]
            if len(inside) == 1:
                resolved[k] = inside[0]
                continue
            if inside:
                codes = inside
        if resolved[k] is None and by_short:
            resolved[k] = _pick_highest(codes)
    return resolved


def find(text: str) -> list[Region]:
    """Regions named in `text`, in order of first mention, without repeats.

    Names are matched longest first; a name several regions share (鼓楼区)
    is resolved by the other names in the text (南京市鼓楼区) and left out
    when it cannot be.
    """
    if not text:
        return []
    matches = _scan(text)
    codes = _resolve([(m[2], m[3]) for m in matches])
    out: list[Region] = []
    seen: set[str] = set()
    for c in codes:
        if c and c not in seen:
            seen.add(c)
            out.append(_region(c))
    return out


def province_from_abbr(ch: str) -> str | None:
    """皖 → 安徽省; None for a character that is no provincial abbreviation."""
    ch = ch.strip()
    if len(ch) != 1:
        return None
    return _abbr().get(ch)


def province_from_doc_number(doc_number: str) -> str | None:
    """The province whose abbreviation heads a 文号: 皖医保发〔2024〕4号 → 安徽省.

    None when the prefix is a city's abbreviation (合医保发, 淮医保, 五医保)
    or no abbreviation at all (国办发, 医保办函).  Some characters serve both
    a province and a city (宁: 宁夏 and 南京); callers weigh this clue.
    """
    s = _clean(doc_number).lstrip("（(〔[【")
    if len(s) < 2:
        return None
    prov = province_from_abbr(s[0])
    if prov is None:
        return None
    # the abbreviation is followed by the organ's own short name (医保, 政办, 财社...)
    if not ("\u4e00" <= s[1] <= "\u9fff"):
        return None
    return prov


def infer(names: list[str], doc_numbers: list[str]) -> Region | None:
    """The region a plan governs, from candidate names (most specific first)
    found in its title/body, plus the provinces named by its 文号 prefixes.

    Each name may be a region name (full or short) or a longer phrase such as
    an issuer (合肥市瑶海区医疗保障局); the first name that resolves to one
    region, given the others as context, wins.  With no name resolved, the
    province of the 文号 is returned, or None.
    """
    provinces = [p for p in (province_from_doc_number(x) for x in doc_numbers) if p]
    hint: set[str] | None = None
    if provinces:
        hint = set()
        for p in provinces:
            hint.update(_data().full.get(p, ()))
    groups: list[tuple[list[str], bool]] = []
    for name in names:
        n = _clean(name)
        codes, by_short = _candidates(n)
        if codes:
            groups.append((codes, by_short))
            continue
        # a phrase: its most specific resolvable region
        ms = _scan(n)
        sub = _resolve([(m[2], m[3]) for m in ms], hint)
        sub = [c for c in sub if c]
        if sub:
            best = max(sub, key=lambda c: len(_ancestors(c)))
            groups.append(([best], False))
    resolved = _resolve(groups, hint)
    for c in resolved:
        if c:
            return _region(c)
    if provinces:
        codes = _data().full.get(provinces[0])
        if codes:
            return _region(codes[0])
    return None
