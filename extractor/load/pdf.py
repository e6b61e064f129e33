"""PDF notices: the text layer in reading order, without running heads and page numbers.

pypdfium2 reads the text layer (one call per page, plus a box per line);
spaces that PDFium invents between glyphs (`合肥市 2024 年`) are dropped, the
ones in the file are kept.  Lines of a paragraph wrapped at the right margin
are joined back, also across a page break.

Running headers and footers are the top or bottom lines that repeat on most
pages (digits ignored); page numbers (`— 3 —`, `第3页 共8页`, `3/8`) at the
top or bottom go too.

Tables: ruled tables are found from the page's thin line objects (the grid of
borders), and each cell's text is read from its box.  Only a page with
several line objects whose grid cannot be read that way goes to pdfplumber,
which is slow (100 ms to import, 30 ms a page).  A table that goes on over a
page break continues the same table, its repeated header row dropped.

A PDF without a text layer (a scan), an encrypted one, a truncated one or a
file that is not a PDF raises InputError saying so.
"""
from __future__ import annotations

import io
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .. import limits
from ..errors import InputError, LimitError

_PAGE_NO = re.compile(r"^\s*+(?:[—\-－–‒―~]*\s*\d{1,4}\s*+[—\-－–‒―~]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                      r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$", re.IGNORECASE)
_TERMINAL = "。；！？：:;!?"
_TITLE_END = re.compile(r"(?:通知|方案|意见|办法|决定|通告|公告|细则|规定|稿）)$")
_LABEL = re.compile(r"^[\u4e00-\u9fff ]{1,8}：")  # 组  长：… starts its own line
_CLOSING = "》）」”，。、；：〉〕"
_EDGE_LINES = 2          # lines at the top and at the bottom of a page that may be running heads
GAP = 0.6                # a space wider than this many line heights is a layout gap
_THIN = 3.0              # points: a path this thin is a ruling line
_HINT_SCAN = "run OCR on it first (for example ocrmypdf), or give the .docx/.txt of the notice"


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass
class _Table:
    rows: list[list[str]]
    top: float
    bottom: float
    bbox: tuple[float, float, float, float]   # left, bottom, right, top


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    height: float = 0.0


def _open(data: bytes, shown: str):
    if b"%PDF-" not in data[:1024]:
        raise InputError(shown, "not a PDF file (no %PDF header)", "check that the file really is a PDF")
    if b"%%EOF" not in data[-4096:]:
        raise InputError(shown, "truncated PDF (the end of the file is missing)", "download or copy the file again")
    import pypdfium2 as pdfium  # heavy: only here

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise InputError(shown, "PDF is encrypted (password protected), cannot read its text",
                             "save an unprotected copy first") from None
        raise InputError(shown, f"damaged PDF ({exc})", "download or copy the file again") from None
    return pdf


def _spaces(textpage, text: str) -> dict[int, str]:
    """What each space becomes: a wide gap stays a layout gap (two spaces), a space
    PDFium invented between glyphs goes, a narrow real space stays one space."""
    import pypdfium2.raw as raw
    out: dict[int, str] = {}
    for m in _SPACE.finditer(text):
        i = m.start()
        if i == 0 or i + 1 >= len(text) or text[i - 1] in "\r\n" or text[i + 1] in "\r\n":
            continue
        left = textpage.get_charbox(i - 1)
        right = textpage.get_charbox(i + 1)
        height = max(left[3] - left[1], 1.0)
        if right[0] - left[2] > GAP * height:
            out[i] = "  "
        elif raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
            out[i] = ""
    return out


_SPACE = re.compile(" ")


def _respaced(text: str, start: int, end: int, spaces: dict[int, str], keys: list[int]) -> str:
    """text[start:end] with the spaces of `spaces` replaced (`keys`: its offsets, sorted)."""
    lo, hi = bisect_left(keys, start), bisect_left(keys, end)
    if lo == hi:
        return text[start:end]
    parts, pos = [], start
    for k in keys[lo:hi]:
        parts.append(text[pos:k])
        parts.append(spaces[k])
        pos = k + 1
    parts.append(text[pos:end])
    return "".join(parts)


def _page_lines(textpage) -> list[_Line]:
    text = textpage.get_text_range()
    spaces = _spaces(textpage, text)
    keys = sorted(spaces)
    lines: list[_Line] = []
    start = 0
    for m in re.finditer(r"\r\n|\n|\r|$", text):
        end = m.start()
        if end > start:
            piece = _respaced(text, start, end, spaces, keys)
            if piece.strip():
                first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
                last = start + len(text[start:end].rstrip()) - 1
                l0, b0, r0, t0 = textpage.get_charbox(first)
                l1, b1, r1, t1 = textpage.get_charbox(last)
                lines.append(_Line(piece.strip(), min(l0, l1), max(r0, r1), max(t0, t1), min(b0, b1)))
        start = m.end()
        if m.end() == len(text):
            break
    return lines


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _path_bounds(page):
    """Bounds (left, bottom, right, top) of the page's path objects, and of those inside its
    top-level forms, in content order.  pdfium's raw calls: pypdfium2's get_objects wraps
    every object of the page (each text run too) in a Python object, which cost more than
    reading the page's text."""
    import ctypes

    import pypdfium2.raw as raw
    from pypdfium2 import PdfiumError
    box = [ctypes.c_float() for _ in range(4)]

    def walk(parent, count, get, level):
        n = count(parent)
        if n < 0:
            raise PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if not raw.FPDFPageObj_GetBounds(obj, *box):
                    raise PdfiumError("Failed to locate pageobject.")
                yield tuple(b.value for b in box)
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < 1:
                yield from walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, level + 1)

    return walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, 0)


def _ruled_tables(page, textpage, count_paths: list[int]) -> list[_Table] | None:
    """Tables drawn as thin line objects; None when the page has lines that do not form a readable grid."""
    horiz, vert = [], []
    paths = 0
    for left, bottom, right, top in _path_bounds(page):
        paths += 1
        w, h = right - left, top - bottom
        if h <= _THIN and w > 10:
            horiz.append(((bottom + top) / 2, left, right))
        elif w <= _THIN and h > 5:
            vert.append(((left + right) / 2, bottom, top))
    count_paths[0] = paths
    if len(horiz) < 2 or len(vert) < 2:
        return [] if paths < 4 else None
    tables: list[_Table] = []
    # group horizontal rules into tables: rules that overlap the same vertical rules
    used = [False] * len(vert)
    for vi, (x, b, t) in enumerate(vert):
        if used[vi]:
            continue
        group = [j for j, (x2, b2, t2) in enumerate(vert) if not used[j] and b2 < t + 2 and t2 > b - 2]
        for j in group:
            used[j] = True
        bottom = min(vert[j][1] for j in group)
        top = max(vert[j][2] for j in group)
        xs = _cluster([vert[j][0] for j in group])
        ys = _cluster([y for y, l, r in horiz if bottom - 2 <= y <= top + 2 and l <= xs[0] + 3 and r >= xs[-1] - 3])
        if len(xs) < 2 or len(ys) < 2:
            continue
        rows = []
        for y_hi, y_lo in zip(reversed(ys[1:]), reversed(ys[:-1])):
            cells = [_cell_text(textpage, x_lo, y_lo, x_hi, y_hi) for x_lo, x_hi in zip(xs[:-1], xs[1:])]
            rows.append(cells)
        tables.append(_Table(rows, ys[-1], ys[0], (xs[0], ys[0], xs[-1], ys[-1])))
    return tables


def _cell_text(textpage, left: float, bottom: float, right: float, top: float) -> str:
    text = textpage.get_text_bounded(left=left + 0.5, bottom=bottom + 0.5, right=right - 0.5, top=top - 0.5)
    text = "".join(part.strip() for part in re.split(r"[\r\n]+", text))  # a cell's wrapped lines are one text (linear)
    return text.replace("\t", " ").strip()


def _plumber_tables(data: bytes, number: int, height: float, state: dict) -> list[_Table]:
    import pdfplumber  # slow: only for a page whose rules pdfium cannot read as a grid

    if "plumber" not in state:
        state["plumber"] = pdfplumber.open(io.BytesIO(data))
    page = state["plumber"].pages[number - 1]
    tables = []
    for tb in page.find_tables():
        x0, top, x1, bottom = tb.bbox  # pdfplumber measures from the top of the page
        rows = [[re.sub(r"\s*\n\s*", "", c or "").strip() for c in row] for row in tb.extract()]
        tables.append(_Table(rows, height - top, height - bottom, (x0, height - bottom, x1, height - top)))
    return tables


def _inside(line: _Line, table: _Table) -> bool:
    left, bottom, right, top = table.bbox
    mid = (line.top + line.bottom) / 2
    return bottom - 1 <= mid <= top + 1 and line.x1 > left and line.x0 < right


def _running_keys(pages: list[_Page]) -> set[str]:
    """Normalized texts of the lines that repeat at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    for page in pages:
        edges = _edge_ids(page.lines)
        edge = {_key(ln.text) for ln in page.lines if id(ln) in edges}
        for k in edge:
            seen[k] = seen.get(k, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, n in seen.items() if n >= need and k}


def _edge_ids(lines: list[_Line]) -> set[int]:
    """The lines nearest the top and the bottom of the page (by position, not stream order)."""
    order = sorted(lines, key=lambda ln: -ln.top)
    return {id(ln) for ln in order[:_EDGE_LINES] + order[-_EDGE_LINES:]}


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def load_pdf(data: bytes, shown: str):
    pdf = _open(data, shown)
    import pypdfium2 as pdfium
    try:
        return _load(pdf, data, shown)
    except pdfium.PdfiumError as exc:  # a page or its text that the PDF promised but cannot give
        raise InputError(shown, f"damaged PDF ({exc})", "download or copy the file again") from None
    finally:
        pdf.close()


def _load(pdf, data: bytes, shown: str):
    import pypdfium2.raw as raw

    n = len(pdf)
    if n > limits.MAX_PDF_PAGES:
        raise LimitError(shown, f"PDF has {n} pages, over the limit of {limits.MAX_PDF_PAGES}")
    pages: list[_Page] = []
    state: dict = {}
    chars = images = cells = 0
    try:
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            _, height = page.get_size()
            p = _Page(i + 1, _page_lines(textpage), height=height)
            p.lines.sort(key=lambda ln: -ln.top) if _out_of_order(p.lines) else None
            chars += sum(len(ln.text) for ln in p.lines)
            paths = [0]
            tables = _ruled_tables(page, textpage, paths)
            if tables is None:
                tables = _plumber_tables(data, i + 1, height, state)
            p.tables = [t for t in tables if len(t.rows) >= 1 and max(len(r) for r in t.rows) >= 2]
            cells += sum(len(r) for t in p.tables for r in t.rows)
            if cells > limits.MAX_TABLE_CELLS:
                raise LimitError(shown, f"tables have more than {limits.MAX_TABLE_CELLS} cells")
            if not p.lines:
                images += sum(1 for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            pages.append(p)
    finally:
        if "plumber" in state:
            state["plumber"].close()
    if chars == 0:
        if images:
            raise InputError(shown, "PDF has no text layer (scanned images only)", _HINT_SCAN)
        raise InputError(shown, "PDF has no text")
    lines, locs = _assemble(pages)
    return lines, None, locs, {}


def _out_of_order(lines: list[_Line]) -> bool:
    """True when the content stream jumps up the page a lot (then sort top to bottom)."""
    jumps = sum(1 for a, b in zip(lines, lines[1:]) if b.top > a.top + 2 * a.height and b.x0 < a.x1)
    return jumps > max(2, len(lines) // 5)


def _assemble(pages: list[_Page]) -> tuple[list[str], list[str | None]]:
    running = _running_keys(pages)
    out: list[str] = []
    locs: list[str | None] = []
    last_table: _Table | None = None   # the table that ended the previous page, if it did
    open_line: _Line | None = None     # the last text line, when it reached the right margin
    for page in pages:
        body = []
        edges = _edge_ids(page.lines)
        for ln in page.lines:
            if id(ln) in edges and (_key(ln.text) in running or _PAGE_NO.match(ln.text)):
                continue
            if _PAGE_NO.match(ln.text) and not ln.text.strip().isdigit():
                continue  # `— 7 —` left inside the text by an earlier conversion
            body.append(ln)
        items: list[tuple[float, object]] = []
        placed = set()
        for ln in body:
            owner = next((t for t in page.tables if _inside(ln, t)), None)
            if owner is None:
                items.append((ln.top, ln))
            elif id(owner) not in placed:
                placed.add(id(owner))
                items.append((ln.top, owner))
        for t in page.tables:
            if id(t) not in placed:  # a table with no text line inside it (empty or text drawn elsewhere)
                items.append((t.top, t))
        right = max((ln.x1 for _, ln in items if isinstance(ln, _Line)), default=0.0)
        for _, item in items:
            if isinstance(item, _Table):
                rows = item.rows
                if last_table is not None and len(rows[0]) == len(last_table.rows[0]):
                    if rows[0] == last_table.rows[0]:
                        rows = rows[1:]  # the header row repeated on the new page
                elif out and out[-1] != "":
                    out.append("")
                    locs.append(None)
                for row in rows:
                    if any(row):
                        out.append("\t" + "\t".join(row))
                        locs.append(f"page {page.number}")
                last_table = item
                open_line = None
                continue
            if last_table is not None:
                out.append("")  # text after a table ends it
                locs.append(None)
                last_table = None
            ln = item
            if open_line is not None and out and out[-1] and (
                    not _TITLE_END.search(out[-1]) or ln.text[0] in _CLOSING) and not _LABEL.match(ln.text):
                out[-1] += ln.text
            else:
                out.append(ln.text)
                locs.append(f"page {page.number}")
            # CJK line breaking leaves a wrapped line up to a few characters short of the margin
            reaches = "  " not in ln.text and ln.x1 >= right - 3 * ln.height and ln.text[-1] not in _TERMINAL
            open_line = ln if reaches else None
    if last_table is not None:
        out.append("")
        locs.append(None)
    return out, locs
