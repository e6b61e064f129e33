"""Word (.docx) notices: paragraphs and tables in document order.

Safety first: before python-docx sees the bytes, the zip is opened here and
refused when it is not a zip, is truncated, has a part larger than
MAX_ZIP_MEMBER_BYTES or compressed more than MAX_ZIP_RATIO times, or when any
XML part declares a DOCTYPE or ENTITY (no entity is ever resolved).

Then the body is walked in order.  A paragraph is one line (a manual line
break inside it starts a new line); automatic list numbers, which python-docx
does not render, are rebuilt from numbering.xml (decimal, Chinese counting,
letters, roman, circled); a table gives one line per row, `\\t` + cells joined
by `\\t`, followed by a blank line.  Headers, footers, footnotes, comments and
deleted (tracked) text are not read.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib

from .. import limits
from ..errors import InputError, LimitError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RATIO_FLOOR = 1 << 20  # parts under 1 MiB are never bombs, whatever their ratio
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_HINT = "open it in Word or WPS and save it again as .docx"


# ------------------------------------------------------------------ safety
def _check_zip(data: bytes, shown: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise InputError(shown, "not a Word .docx file (not a zip archive)",
                         "an old .doc must be saved as .docx first")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:  # a zip feature Python cannot read ("zip file version 14.8")
        raise InputError(shown, f"unreadable .docx (the zip archive uses {exc})", _HINT) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError):
        raise InputError(shown, "damaged or truncated .docx (the zip archive is incomplete)", _HINT) from None
    names = set()
    for info in zf.infolist():
        names.add(info.filename)
        if info.file_size > limits.MAX_ZIP_MEMBER_BYTES:
            raise LimitError(shown, f"part {info.filename} unpacks to {info.file_size} bytes, over the limit of "
                                    f"{limits.MAX_ZIP_MEMBER_BYTES}")
        if info.file_size > _RATIO_FLOOR and info.file_size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise LimitError(shown, f"part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)} "
                                    f"times, over the limit of {limits.MAX_ZIP_RATIO} (a zip bomb?)")
    if "word/document.xml" not in names:
        raise InputError(shown, "not a Word document (the zip has no word/document.xml)", _HINT)
    for name in sorted(names):
        if name.endswith((".xml", ".rels")):
            part = _read(zf, name, shown)
            if _DECLARATION.search(part if not part.startswith((b"\xff\xfe", b"\xfe\xff"))
                                   else part.decode("utf-16", "replace").encode("utf-8")):
                raise InputError(shown, f"part {name} declares a DOCTYPE or ENTITY, refused for safety", _HINT)
    return zf


def _read(zf: zipfile.ZipFile, name: str, shown: str) -> bytes:
    """Read a part, trusting neither its declared size nor its CRC."""
    try:
        with zf.open(name) as fh:
            part = fh.read(limits.MAX_ZIP_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise InputError(shown, f"damaged or truncated .docx (part {name} cannot be read)", _HINT) from None
    if len(part) > limits.MAX_ZIP_MEMBER_BYTES:
        raise LimitError(shown, f"part {name} unpacks to more than {limits.MAX_ZIP_MEMBER_BYTES} bytes")
    return part


# ------------------------------------------------------------------ numbering
_MAX_COUNTER = 10_000  # a list number beyond this is damage, not a list (roman/letter forms grow with n)


def _int(text: str | None, default: int, lo: int = 0, hi: int = _MAX_COUNTER) -> int:
    """An integer attribute of untrusted XML: the default when it is not a number, clamped to [lo, hi]."""
    try:
        return max(lo, min(hi, int(text))) if text is not None else default
    except ValueError:
        return default


_CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + _CN_DIGITS[rest] if rest < 10 else
                                    (_CN_DIGITS[1] if rest < 20 else "") + chinese_number(rest))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "japaneseCounting", "chineseLegalSimplified", "ideographDigital", "taiwaneseCountingThousand"):
        return chinese_number(n)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
    if fmt in ("decimalZero",) and n < 10:
        return f"0{n}"
    return str(n)


class Numbering:
    """Counters of Word's automatic numbering, fed paragraph by paragraph in order."""

    def __init__(self, numbering_xml, styles_xml):
        """Each part as bytes, or as the element python-docx already parsed (a styles part of
        Word's template is some 350 KB: parsing it twice cost more than the rest of loading)."""
        from lxml import etree

        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstractNumId -> ilvl -> (start, fmt, text)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}          # numId -> (abstractNumId, start overrides)
        self.style_num: dict[str, tuple[str, int]] = {}                # styleId -> (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[str] = set()
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        if numbering_xml is not None and len(numbering_xml):
            root = numbering_xml if not isinstance(numbering_xml, bytes) else etree.fromstring(numbering_xml, parser)
            for an in root.iter(W + "abstractNum"):
                levels = {}
                for lvl in an.iter(W + "lvl"):
                    levels[_int(lvl.get(W + "ilvl"), 0, 0, 9)] = self._level(lvl)
                self.levels[an.get(W + "abstractNumId")] = levels
            for num in root.iter(W + "num"):
                absid = num.find(W + "abstractNumId")
                overrides = {}
                for ov in num.iter(W + "lvlOverride"):
                    so = ov.find(W + "startOverride")
                    if so is not None:
                        overrides[_int(ov.get(W + "ilvl"), 0, 0, 9)] = _int(so.get(W + "val"), 1)
                if absid is not None:
                    self.nums[num.get(W + "numId")] = (absid.get(W + "val"), overrides)
        if styles_xml is not None and len(styles_xml):
            root = styles_xml if not isinstance(styles_xml, bytes) else etree.fromstring(styles_xml, parser)
            based: dict[str, str] = {}
            for st in root.iter(W + "style"):
                sid = st.get(W + "styleId")
                b = st.find(W + "basedOn")
                if b is not None:
                    based[sid] = b.get(W + "val")
                npr = st.find(f"{W}pPr/{W}numPr")
                if npr is not None:
                    nid = npr.find(W + "numId")
                    ilvl = npr.find(W + "ilvl")
                    if nid is not None:
                        self.style_num[sid] = (nid.get(W + "val"), _int(ilvl.get(W + "val"), 0, 0, 9) if ilvl is not None else 0)
            for sid in list(based):  # inherit numbering through basedOn chains
                seen, cur = set(), sid
                while cur not in self.style_num and cur in based and cur not in seen:
                    seen.add(cur)
                    cur = based[cur]
                if cur in self.style_num and sid not in self.style_num:
                    self.style_num[sid] = self.style_num[cur]

    @staticmethod
    def _level(lvl) -> tuple[int, str, str]:
        start = lvl.find(W + "start")
        fmt = lvl.find(W + "numFmt")
        text = lvl.find(W + "lvlText")
        return (_int(start.get(W + "val"), 1) if start is not None else 1,
                fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                text.get(W + "val", "") if text is not None else "")

    def label(self, p) -> str:
        """The number Word shows before paragraph `p` ('' when none), advancing the counters."""
        ppr = p.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            npr = ppr.find(W + "numPr")
            style = ppr.find(W + "pStyle")
            if style is not None and style.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[style.get(W + "val")]
            if npr is not None:
                nid, lv = npr.find(W + "numId"), npr.find(W + "ilvl")
                if nid is not None:
                    num_id = nid.get(W + "val")
                if lv is not None:
                    ilvl = _int(lv.get(W + "val"), 0, 0, 9)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abs_id, overrides = self.nums[num_id]
        levels = self.levels.get(abs_id, {})
        if ilvl not in levels:
            return ""
        key = abs_id if not overrides else f"{abs_id}/{num_id}"
        counters = self.counters.setdefault(key, {})
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        start = levels[ilvl][0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the lower ones
        _, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def level_value(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            if lv not in levels:
                return ""
            value = counters.get(lv, levels[lv][0])
            return format_number(value, levels[lv][1])

        return re.sub(r"%([1-9])", level_value, text)


# ------------------------------------------------------------------ text
_SKIP = {W + "del", W + "moveFrom", W + "drawing", W + "pict", W + "object", W + "instrText",
         W + "delText", W + "rPr", W + "pPr", W + "fldChar", W + "commentReference",
         W + "footnoteReference", W + "endnoteReference"}


def _runs_text(el, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            parts.append("    ")
        elif tag == W + "br" or tag == W + "cr":
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            continue
        else:  # runs, hyperlinks, insertions, smart tags, fields, content controls
            _runs_text(child, parts)


def paragraph_text(p) -> str:
    parts: list[str] = []
    _runs_text(p, parts)
    return "".join(parts)


def _cell_text(tc) -> str:
    texts = []
    for p in tc.iter(W + "p"):
        t = paragraph_text(p).replace("\n", " ").strip()
        if t:
            texts.append(t)
    return " ".join(texts).replace("\t", " ")


def _table_lines(tbl, number: int, shown: str, budget: list[int]) -> tuple[list[str], list[str]]:
    lines, locs = [], []
    above: dict[int, str] = {}  # grid column -> text of the cell above (vertical merges)
    row_no = 0
    for tr in tbl.iterchildren(W + "tr"):
        row_no += 1
        cells: list[str] = []
        col = 0
        for tc in tr.iterchildren(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = _int(gs.get(W + "val"), 1, 1, 64)
                vm = tcpr.find(W + "vMerge")
                if vm is not None:
                    vmerge = vm.get(W + "val", "continue")
            text = above.get(col, "") if vmerge == "continue" else _cell_text(tc)
            above[col] = text
            cells.append(text)
            cells.extend([""] * (span - 1))
            col += span
        budget[0] -= len(cells)
        if budget[0] < 0:
            raise LimitError(shown, f"tables have more than {limits.MAX_TABLE_CELLS} cells")
        if any(c for c in cells):
            lines.append("\t" + "\t".join(cells))
            locs.append(f"table {number} row {row_no}")
    return lines, locs


def _body_items(body):
    """Body-level paragraphs and tables in order, looking inside content controls."""
    for child in body:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "smartTag"):
            yield from _body_items(child.find(W + "sdtContent") if child.tag == W + "sdt" else child)


def _parsed_parts(document) -> dict:
    """Part name -> the XML element python-docx parsed for it."""
    out = {}
    try:
        for part in document.part.package.iter_parts():
            element = getattr(part, "_element", None)
            if element is not None:
                out[str(part.partname).lstrip("/")] = element
    except Exception:  # noqa: BLE001 - a damaged package: the parts are read again below
        return {}
    return out


def _part(zf, parsed: dict, name: str, names: set, shown: str):
    """A part as python-docx's element when it parsed it, else as bytes (None when absent)."""
    if name not in names:
        return None
    return parsed[name] if name in parsed else _read(zf, name, shown)


def load_docx(data: bytes, shown: str):
    zf = _check_zip(data, shown)
    try:
        import docx  # python-docx, heavy: only here
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a broken install
        raise InputError(shown, "python-docx is not installed", "pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(shown, f"damaged .docx ({type(exc).__name__})", _HINT) from None
    except Exception as exc:  # noqa: BLE001 - lxml.etree.XMLSyntaxError, and python-docx tripping over damaged parts
        if type(exc).__module__.startswith(("lxml", "docx")):
            raise InputError(shown, f"damaged .docx (bad XML: {exc})", _HINT) from None
        raise InputError(shown, f"damaged .docx (python-docx cannot read it: {type(exc).__name__})", _HINT) from None

    names = set(zf.namelist())
    parsed = _parsed_parts(document)
    numbering = Numbering(_part(zf, parsed, "word/numbering.xml", names, shown),
                          _part(zf, parsed, "word/styles.xml", names, shown))
    lines: list[str] = []
    locs: list[str | None] = []
    budget = [limits.MAX_TABLE_CELLS]
    paragraphs = tables = 0
    body = document.element.body
    for item in _body_items(body):
        if item.tag == W + "p":
            paragraphs += 1
            text = numbering.label(item) + paragraph_text(item)
            for piece in text.split("\n"):
                lines.append(piece.replace("\t", " ").rstrip() if piece.strip() else "")
                locs.append(f"paragraph {paragraphs}")
        else:
            tables += 1
            if lines and lines[-1]:
                lines.append("")  # the table starts after a blank line, like it ends with one
                locs.append(None)
            tlines, tlocs = _table_lines(item, tables, shown, budget)
            lines.extend(tlines)
            locs.extend(tlocs)
            lines.append("")
            locs.append(None)
    hints: dict = {}
    return lines, None, locs, hints
