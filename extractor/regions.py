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


_ETHNIC_TOKENS = frozenset([e + "族" for e in _ETHNIC] + list(_ETHNIC_BARE))


def _short_form(name: str, level: str) -> str | None:
    s = name
    for suf in _AUTONOMOUS:
        if s.endswith(suf):
            s = s[: -len(suf)]
            stripped = True
            while stripped:
                stripped = False
                for k in (5, 4, 3, 2):
                    if len(s) - k >= 2 and s[-k:] in _ETHNIC_TOKENS:
                        s = s[:-k]
                        stripped = True
                        break
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


_SIMPLE_SUFFIX = frozenset("省市县区盟")
_SPECIAL_SUFFIX = ("自治区", "特别行政区", "地区", "林区", "特区", "自治州", "自治县", "自治旗", "旗")


def _multimap(keys: list) -> dict[str, list[int]]:
    """key → rows having it (keys that are None are skipped); mostly C loops."""
    last = dict(zip(keys, range(len(keys))))
    out = {k: [i] for k, i in last.items()}
    for i in [i for i, k in enumerate(keys) if last[k] != i]:
        out[keys[i]].insert(-1, i)
    out.pop(None, None)
    for k, rows in out.items():
        if len(rows) > 1:
            rows.sort()
    return out


class _Data:
    """Columns of regions.tsv; rows are addressed by index."""
    __slots__ = ("codes", "names", "levels", "_parents", "row", "full", "short", "find_index")

    def __init__(self, text: str) -> None:
        body = text.split("\ncode\tname\tlevel\tparent_code\n", 1)[1]
        flat = body.replace("\n", "\t").split("\t")
        if flat and flat[-1] == "":
            flat.pop()
        self.codes: list[str] = flat[0::4]
        self.names: list[str] = flat[1::4]
        self.levels: list[str] = flat[2::4]
        self._parents: list[str] = flat[3::4]
        self.row: dict[str, int] = dict(zip(self.codes, range(len(self.codes))))
        self.full = _multimap(self.names)
        self.short: dict[str, list[int]] | None = None
        self.find_index: dict[str, tuple[int, ...]] | None = None

    def parent(self, i: int) -> int:
        p = self._parents[i]
        return self.row[p] if p else -1

    def shorts(self) -> dict[str, list[int]]:
        if self.short is None:
            simple = _SIMPLE_SUFFIX
            keys = [nm[:-1] if nm[-1] in simple and len(nm) > 2 else None for nm in self.names]
            for i, nm in enumerate(self.names):
                if nm.endswith(_SPECIAL_SUFFIX):
                    keys[i] = _short_form(nm, self.levels[i])
            full = self.full
            self.short = {k: v for k, v in _multimap(keys).items() if k not in full}
        return self.short

    def index(self) -> dict[str, tuple[int, ...]]:
        """first character → candidate match lengths, longest first."""
        if self.find_index is None:
            levels = self.levels
            lengths: dict[str, set[int]] = {}
            for name in self.full:
                lengths.setdefault(name[0], set()).add(len(name))
            for s, rows in self.shorts().items():
                if s not in _FIND_STOP and any(_RANK[levels[i]] < 2 for i in rows):
                    lengths.setdefault(s[0], set()).add(len(s))
            self.find_index = {ch: tuple(sorted(v, reverse=True)) for ch, v in lengths.items()}
        return self.find_index


_DATA: _Data | None = None
_ABBR: dict[str, str] | None = None


def _vocab_file(name: str) -> str:
    # the package directory of extractor.grammar.vocab (the same file that
    # extractor.grammars.vocab_path(name) names, without importing pathlib
    # and importlib.resources, which would cost more than the lookup itself)
    import os

    from .grammar import vocab
    return os.path.join(os.path.dirname(vocab.__file__), name)


def _data() -> _Data:
    global _DATA
    if _DATA is None:
        with open(_vocab_file("regions.tsv"), encoding="utf-8") as fh:
            _DATA = _Data(fh.read())
    return _DATA


def _abbr() -> dict[str, str]:
    global _ABBR
    if _ABBR is None:
        import tomllib

        with open(_vocab_file("province_abbr.toml"), "rb") as fh:
            _ABBR = dict(tomllib.load(fh)["abbr"])
    return _ABBR


# ---------------------------------------------------------------- helpers

def _region(i: int) -> Region:
    d = _data()
    name, level = d.names[i], d.levels[i]
    province = name
    city = name if level == "city" else None
    p = d.parent(i)
    while p >= 0:
        if d.levels[p] == "province":
            province = d.names[p]
        elif d.levels[p] == "city":
            city = d.names[p]
        p = d.parent(p)
    return Region(name=name, level=level, province=province, code=d.codes[i], city=city)


def _ancestors(i: int) -> list[int]:
    """row i itself, then its parent, ... up to the province."""
    d = _data()
    out = []
    while i >= 0:
        out.append(i)
        i = d.parent(i)
    return out


def _is_within(i: int, anchors: set[int]) -> bool:
    d = _data()
    while i >= 0:
        if i in anchors:
            return True
        i = d.parent(i)
    return False


def _clean(name: str) -> str:
    return "".join(name.split())


def _candidates(name: str) -> tuple[list[int], bool]:
    """(rows, by_short_form)."""
    d = _data()
    rows = d.full.get(name)
    if rows:
        return list(rows), False
    return list(d.shorts().get(name, ())), True


def _within_rows(within: str) -> set[int]:
    w = _clean(within)
    if w.isdigit() and len(w) in (2, 4, 6):
        i = _data().row.get(w.ljust(6, "0"))
        return set() if i is None else {i}
    rows, _ = _candidates(w)
    return set(rows)


def _pick_highest(rows: list[int]) -> int | None:
    levels = _data().levels
    best = min(_RANK[levels[i]] for i in rows)
    top = [i for i in rows if _RANK[levels[i]] == best]
    return top[0] if len(top) == 1 else None


# ---------------------------------------------------------------- API

_FULL_STARTS: frozenset[str] | None = None


def full_name_starts() -> frozenset[str]:
    """The first characters of every full region name (no name starts with another)."""
    global _FULL_STARTS
    if _FULL_STARTS is None:
        _FULL_STARTS = frozenset(name[0] for name in _data().full if name)
    return _FULL_STARTS


def lookup(name: str, within: str | None = None) -> Region | None:
    """The region called `name` (full name or short form), or None.

    `within` (a province or city name, short form or GB/T 2260 code) keeps
    only regions inside it.  A full name shared by several regions (鼓楼区)
    is None unless `within` leaves one; a short form shared by several is the
    single highest-level one (吉林 → 吉林省).
    """
    n = _clean(name) if name else ""
    if not n:
        return None
    d = _data()
    anchors = _within_rows(within) if within else None
    if within and not anchors:
        return None
    for get_rows, by_short in ((lambda: d.full.get(n, ()), False),
                               (lambda: d.shorts().get(n, ()), True)):
        rows = list(get_rows())
        if anchors is not None:
            rows = [i for i in rows if _is_within(i, anchors)]
        if len(rows) == 1:
            return _region(rows[0])
        if len(rows) > 1:
            if by_short:
                i = _pick_highest(rows)
                return None if i is None else _region(i)
            return None
    return None


_NOT_BEFORE_2 = frozenset("和与及各全本该每我其省市区县州")
_NOT_AFTER_2 = frozenset("级域乡长")
# short forms whose first character closes a common word when preceded by one
# of these (参保定额 is not 保定): first char → bad preceding characters
_SHORT_BAD_BEFORE = {"保": frozenset("参医投续社低断停应承担确为五环劳")}
# full names that are also ordinary phrases (会同 "jointly with"): matched only
# right after another region name (怀化市会同县)
_PHRASE_NAMES = frozenset({"会同县"})


def _scan(text: str) -> list[tuple[int, str, list[int], bool]]:
    """Greedy left-to-right, longest-first matches: (pos, surface, rows, short)."""
    d = _data()
    index = d.index()
    full, short, levels = d.full, d.shorts(), d.levels
    out: list[tuple[int, str, list[int], bool]] = []
    i, n = 0, len(text)
    prev_end = -1
    while i < n:
        hit = None
        for ln in index.get(text[i], ()):
            if i + ln > n:
                continue
            s = text[i:i + ln]
            if s in full:
                rows, by_short = full[s], False
            elif s in short and s not in _FIND_STOP:
                rows = [r for r in short[s] if _RANK[levels[r]] < 2]
                by_short = True
                if not rows:
                    continue
                bad = _SHORT_BAD_BEFORE.get(s[0])
                if bad and i and text[i - 1] in bad:
                    continue
            else:
                continue
            if s in _PHRASE_NAMES and prev_end != i:
                continue
            if ln == 2 and not by_short and prev_end != i:
                # 城区/矿区/郊区/东区 need their city just before them; 和县/宁县
                # a context that is no conjunction (市和县) nor 县级/县域
                if s.endswith("区"):
                    continue
                before = text[i - 1] if i else ""
                after = text[i + 2] if i + 2 < n else ""
                if before in _NOT_BEFORE_2 or after in _NOT_AFTER_2:
                    continue
            hit = (i, s, list(rows), by_short)
            break
        if hit:
            out.append(hit)
            i += len(hit[1])
            prev_end = i
        else:
            i += 1
    return out


def _resolve(groups: list[tuple[list[int], bool]], hint: set[int] | None = None) -> list[int | None]:
    """One row (or None) per group of candidates, using the others as context."""
    resolved: list[int | None] = [g[0][0] if len(g[0]) == 1 else None for g in groups]
    anchors = {i for i in resolved if i is not None}
    changed = True
    while changed:
        changed = False
        for k, (rows, _short) in enumerate(groups):
            if resolved[k] is not None:
                continue
            inside = [i for i in rows if _is_within(i, anchors)]
            if not inside:  # a candidate that contains a resolved name (吉林 + 船营区)
                inside = [i for i in rows if any(i in _ancestors(a) for a in anchors)]
            if len(inside) == 1:
                resolved[k] = inside[0]
                anchors.add(inside[0])
                changed = True
    for k, (rows, by_short) in enumerate(groups):
        if resolved[k] is None and hint:
            inside = [i for i in rows if _is_within(i, hint)]
            if len(inside) == 1:
                resolved[k] = inside[0]
                continue
            if inside:
                rows = inside
        if resolved[k] is None and by_short:
            resolved[k] = _pick_highest(rows)
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
    out: list[Region] = []
    seen: set[int] = set()
    for i in _resolve([(m[2], m[3]) for m in matches]):
        if i is not None and i not in seen:
            seen.add(i)
            out.append(_region(i))
    return out


def province_from_abbr(ch: str) -> str | None:
    """皖 → 安徽省; None for a character that is no provincial abbreviation."""
    ch = ch.strip() if ch else ""
    if len(ch) != 1:
        return None
    return _abbr().get(ch)


def province_from_doc_number(doc_number: str) -> str | None:
    """The province whose abbreviation heads a 文号: 皖医保发〔2024〕4号 → 安徽省.

    None when the prefix is a city's abbreviation (合医保发, 淮医保, 五医保)
    or no abbreviation at all (国办发, 医保办函).  Some characters serve both
    a province and a city (宁: 宁夏 and 南京; 青: 青海 and 青岛); callers
    weigh this clue against the names in the text.
    """
    s = _clean(doc_number).lstrip("（(〔[【") if doc_number else ""
    if len(s) < 2:
        return None
    prov = province_from_abbr(s[0])
    # the abbreviation is followed by the organ's own short name (医保, 政办, 财社...)
    if prov is None or not ("\u4e00" <= s[1] <= "\u9fff"):
        return None
    return prov


def infer(names: list[str], doc_numbers: list[str]) -> Region | None:
    """The region a plan governs, from candidate names (most specific first)
    found in its title/body, plus the provinces named by its 文号 prefixes.

    Each name may be a region name (full or short) or a longer phrase such as
    an issuer (合肥市瑶海区医疗保障局); the first name that resolves to one
    region, given the others and the 文号 provinces as context, wins.  With
    no name resolved, the province of the first such 文号 is returned, or None.
    """
    d = _data()
    provinces = [p for p in (province_from_doc_number(x) for x in doc_numbers) if p]
    hint: set[int] = set()
    for p in provinces:
        hint.update(d.full.get(p, ()))
    groups: list[tuple[list[int], bool]] = []
    for name in names:
        n = _clean(name) if name else ""
        if not n:
            continue
        rows, by_short = _candidates(n)
        if rows:
            groups.append((rows, by_short))
            continue
        # a phrase: its most specific resolvable region
        sub = [i for i in _resolve([(m[2], m[3]) for m in _scan(n)], hint) if i is not None]
        if sub:
            groups.append(([max(sub, key=lambda i: len(_ancestors(i)))], False))
    for i in _resolve(groups, hint):
        if i is not None:
            return _region(i)
    if provinces:
        rows = d.full.get(provinces[0])
        if rows:
            return _region(rows[0])
    return None


# ---------------------------------------------------------------- area codes
_AREA_ROWS: list | None = None


def _area_codes() -> list[tuple[str, str, str]]:
    """(province, city, area code) in short names, from grammar/vocab/area_codes.tsv (read once)."""
    global _AREA_ROWS
    if _AREA_ROWS is not None:
        return _AREA_ROWS
    rows = []
    with open(_vocab_file("area_codes.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("province\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                rows.append((parts[0], parts[1], parts[2]))
    _AREA_ROWS = rows
    return rows


def area_code(name: str, within: str | None = None) -> str | None:
    """The telephone area code of a region (a county takes its prefecture city's), or None."""
    r = lookup(name, within)
    if r is None:
        return None
    city = r.city if r.level in ("county", "district") and r.city else r.name
    found = {a for p, rows in _area_index().items() if r.province.startswith(p)
             for c, a in rows if city.startswith(c)}
    return found.pop() if len(found) == 1 else None


_AREA_INDEX: dict | None = None


def _area_index() -> dict[str, list[tuple[str, str]]]:
    """The area code rows by province: province -> [(city, area code)]."""
    global _AREA_INDEX
    if _AREA_INDEX is None:
        index: dict[str, list[tuple[str, str]]] = {}
        for p, c, a in _area_codes():
            index.setdefault(p, []).append((c, a))
        _AREA_INDEX = index
    return _AREA_INDEX
