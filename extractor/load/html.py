"""HTML notices (a government web page saved from the browser).

The page is decoded (BOM, then the declared charset, then detection; gb2312 and
gbk pages are read as GB18030, their superset), parsed with lxml's HTML parser
(no network, no entities), stripped of scripts, styles, navigation, share
widgets, footers and the like, and the notice body is the block with the most
Chinese text outside links.  The page title, when it is not already the first
line of that block, is put before it.  Tables give TAB lines.

Hints: {"title": ArticleTitle meta or <title> without the site name,
"issued_on": "YYYY-MM-DD" from the PubDate meta}.
"""
from __future__ import annotations

import re

from .. import limits
from ..errors import InputError, LimitError
from .text import decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
              "input", "select", "textarea", "template", "svg", "canvas", "object", "embed", "video", "audio",
              "map", "dialog", "menu")
_DROP_MARK = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|share|bdshare|bdsharebuttonbox|jiathis|footer|foot|"
                        r"breadcrumb|crumbs?|position|location|sidebar|side|toolbar|copyright|print|close|"
                        r"related|relevant|recommend|comment|login|search|top-?bar|header|banner|"
                        r"pagination|pager|qrcode|ewm|fontsize|zihao)(?:$|[\s_-])", re.IGNORECASE)
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr", "td", "th",
          "body", "font-block"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_SITE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*[^_|｜\-—–]*(?:政府|网|局|委|厅|门户|平台|中心|办公室)[^_|｜\-—–]*$")


def _decode(data: bytes, shown: str) -> tuple[str, str]:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, shown)
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        enc = _SUPERSETS.get(name, name)
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass  # the page lies about its charset: detect it instead
    return decode(data, shown)


def _meta(root, name: str) -> str | None:
    for el in root.iter("meta"):
        if (el.get("name") or "").lower() == name.lower():
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _iso_date(text: str | None) -> str | None:
    if not text:
        return None
    m = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text)
    if not m:
        return None
    y, mo, d = map(int, m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _clean(root) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if marks.strip() and _DROP_MARK.search(marks) and el.tag not in ("body", "html"):
            el.drop_tree()
        elif (el.get("style") or "").replace(" ", "").lower().find("display:none") >= 0:
            el.drop_tree()


def _link_text(body) -> dict:
    """The Chinese characters of the link text under each element (links inside links counted
    each), every link's counted once and added to its ancestors: reading the text of every
    link under every candidate made nested pages quadratic (a fuzzed page 200 levels deep took 5 s)."""
    out: dict = {}
    for a in body.iter("a"):
        n = len(_CJK.findall(a.text_content()))
        el = a
        while n and el is not None:
            out[el] = out.get(el, 0) + n
            el = el.getparent()
    return out


def _content_root(body):
    """The block holding the notice: a paragraph container with the most Chinese text."""
    scores: dict = {}
    for p in body.iter("p", "td", "div", "br", "span", "font", "li"):
        parent = p.getparent()
        if parent is None:
            continue
        if p.tag in ("div", "span", "font") and any(c.tag in ("p", "div", "table") for c in p):
            continue  # a container, counted through its children
        text = (p.text_content() if p.tag != "br" else (p.tail or ""))
        n = len(_CJK.findall(text))
        if n == 0:
            continue
        scores[parent] = scores.get(parent, 0.0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + n / 2
    if not scores:
        return body
    links = _link_text(body)
    best = max(scores, key=lambda el: scores[el] - 2 * links.get(el, 0))
    while best.tag in ("tr", "tbody", "table", "td", "th") and best.getparent() is not None:
        best = best.getparent()  # a notice laid out in a table: take the whole table's container
    return best


def _lines(el, out: list[str], budget: list[int], shown: str) -> None:
    """Text of `el` in order: block elements end lines, tables become TAB lines."""
    cur: list[str] = []

    def flush() -> None:
        text = re.sub(r"[ \t\r\n]+", " ", "".join(cur)).strip()
        cur.clear()
        if text:
            out.append(text)

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "table":
            flush()
            _table(node, out, budget, shown)
        elif tag == "br":
            flush()
        else:
            block = tag in _BLOCK
            if block:
                flush()
            if node.text and tag:
                cur.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    cur.append(child.tail)
            if block:
                flush()

    walk(el)
    flush()


def _table(table, out: list[str], budget: list[int], shown: str) -> None:
    if out and out[-1]:
        out.append("")
    for tr in table.iter("tr"):
        if tr.getparent() is not None and any(anc.tag == "table" and anc is not table for anc in tr.iterancestors("table")):
            continue  # rows of a nested table are read as the text of their cell
        cells = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            text = re.sub(r"\s+", " ", cell.text_content()).strip()
            cells.append(text)
            span = cell.get("colspan") or "1"
            cells.extend([""] * (min(int(span), 64) - 1 if span.isdecimal() and len(span) < 6 else 0))
        budget[0] -= len(cells)
        if budget[0] < 0:
            raise LimitError(shown, f"tables have more than {limits.MAX_TABLE_CELLS} cells")
        if any(cells):
            out.append("\t" + "\t".join(cells))
    out.append("")


def load_html(data: bytes, shown: str):
    text, encoding = _decode(data, shown)
    if len(text) > limits.MAX_TEXT_CHARS:
        raise LimitError(shown, f"page has {len(text)} characters, over the limit of {limits.MAX_TEXT_CHARS}")
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
    text = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)  # not XML characters: lxml refuses them
    import lxml.html  # only here
    from lxml import etree

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(shown, f"cannot parse the HTML page ({exc})") from None
    title_el = root.find(".//title")
    page_title = re.sub(r"\s+", " ", title_el.text_content()).strip() if title_el is not None else ""
    # (a "title" of thousands of characters is no title; _SITE_SUFFIX would be quadratic on it)
    title = _meta(root, "ArticleTitle") or (_SITE_SUFFIX.sub("", page_title) if len(page_title) <= 1000 else None) or None
    issued = _iso_date(_meta(root, "PubDate") or _meta(root, "publishdate") or _meta(root, "firstpublishedtime"))
    hints = {k: v for k, v in (("title", title), ("issued_on", issued)) if v}

    body = root.find("body")
    if body is None:
        body = root
    _clean(body)
    content = _content_root(body)
    lines: list[str] = []
    _lines(content, lines, [limits.MAX_TABLE_CELLS], shown)
    if title:
        head = re.sub(r"\s+", "", "".join(lines[:4]))
        if re.sub(r"\s+", "", title) not in head:
            lines.insert(0, title)
    return lines, encoding, None, hints
