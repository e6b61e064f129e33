"""Build the format fixtures in tests/fixtures/formats/ from the seed notices.

    python tools/make_fixtures.py            # everything (PDF needs LibreOffice)
    python tools/make_fixtures.py --no-pdf   # .docx .html .md and the bad files only

For each seed `corpus/NAME.txt`:
- NAME.docx (python-docx): one paragraph per text line; outline headings
  (一、 /（一） / 1.) become automatically numbered paragraphs (the number is
  Word's, not typed); a table block of the text (TAB lines) becomes a real
  Word table with a repeated header row, tall enough to run onto the next
  page; a page header and a footer with a PAGE field that loaders must ignore.
- NAME.pdf: the .docx printed by LibreOffice (headless) with a CJK font
  (Debian: libreoffice-writer-nogui, fonts-noto-cjk).
- NAME.html: a government-style web page: navigation, scripts, a share widget,
  a footer, and the notice in a content div (tables as <table>); one page is
  GB18030-encoded with a gb2312 meta charset, the others UTF-8.
and anhui-hefei-yaohai_2024.md with the contact list as a Markdown table.

Bad files (small): truncated.docx, not-a-zip.docx, not-a-pdf.pdf, truncated.pdf,
encrypted.pdf (qpdf, password "secret"), scan.pdf (an image-only page).
Big or trivial bad files (oversized, empty, zip bomb) are made by the tests.

Outputs are deterministic except the PDFs, whose producer stamps vary.
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OUT = ROOT / "tests" / "fixtures" / "formats"
SEEDS = ["anhui-hefei-yaohai_2024", "anhui-hefei_2025-draft", "anhui-huaibei_2023", "anhui-wuhe_2024",
         "hebei-gaoyang_2024"]
GB18030_PAGE = "hebei-gaoyang_2024"
FONT = "Noto Serif CJK SC"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# outline markers that become Word automatic numbering: (kind, regex, numFmt, lvlText)
OUTLINE = [
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3})、(?=\S)"), "chineseCounting", "%1、"),
    ("cnp", re.compile(r"^（([一二三四五六七八九十]{1,3})）(?=\S)"), "chineseCounting", "（%1）"),
    ("dec", re.compile(r"^(\d{1,2})\.(?=[^\d\s])"), "decimal", "%1."),
]
_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def cn_value(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN[s[1]]
    if "十" in s:
        a, _, b = s.partition("十")
        return _CN[a] * 10 + (_CN[b] if b else 0)
    return _CN[s]


def read_seed(name: str) -> list[str]:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8").split("\n")


def blocks(lines: list[str]):
    """('para', line) and ('table', rows) items; a table is a run of TAB lines with blank-line row breaks."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            rows, row = [], []
            while i < len(lines) and (lines[i].startswith("\t") or
                                      (not lines[i].strip() and i + 1 < len(lines) and lines[i + 1].startswith("\t"))):
                if lines[i].startswith("\t"):
                    row.append(lines[i].strip())
                elif row:
                    rows.append(row)
                    row = []
                i += 1
            if row:
                rows.append(row)
            yield "table", rows
            continue
        yield "para", lines[i]
        i += 1


# ------------------------------------------------------------------ docx
class Numberer:
    """Adds abstractNum/num definitions to the document's numbering part, one num per restart."""

    def __init__(self, document):
        from docx.oxml.ns import qn
        self.qn = qn
        self.part = document.part.numbering_part
        self.root = self.part.element
        self.abstract: dict[str, str] = {}
        self.current: dict[str, tuple[str, int]] = {}
        self.next_abs = 900
        self.next_num = 900
        for kind, _, fmt, text in OUTLINE:
            self.abstract[kind] = self._abstract(fmt, text)

    def _el(self, tag, **attrs):
        from lxml import etree
        el = etree.SubElement(etree.Element("x"), self.qn(tag))
        for k, v in attrs.items():
            el.set(self.qn(k), v)
        return el

    def _abstract(self, fmt: str, text: str) -> str:
        aid = str(self.next_abs)
        self.next_abs += 1
        an = self._el("w:abstractNum", **{"w:abstractNumId": aid})
        lvl = self._el("w:lvl", **{"w:ilvl": "0"})
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "nothing"), ("w:lvlText", text)):
            lvl.append(self._el(tag, **{"w:val": val}))
        an.append(lvl)
        first_num = self.root.find(self.qn("w:num"))
        if first_num is not None:
            first_num.addprevious(an)
        else:
            self.root.append(an)
        return aid

    def _num(self, kind: str) -> str:
        nid = str(self.next_num)
        self.next_num += 1
        num = self._el("w:num", **{"w:numId": nid})
        num.append(self._el("w:abstractNumId", **{"w:val": self.abstract[kind]}))
        ov = self._el("w:lvlOverride", **{"w:ilvl": "0"})
        ov.append(self._el("w:startOverride", **{"w:val": "1"}))
        num.append(ov)
        self.root.append(num)
        return nid

    def number(self, paragraph, line: str) -> str:
        """Numbers `paragraph` automatically when `line` starts with the next outline number; returns the rest."""
        for depth, (kind, rx, _, _) in enumerate(OUTLINE):
            m = rx.match(line)
            if not m:
                continue
            value = int(m.group(1)) if kind == "dec" else cn_value(m.group(1))
            nid, count = self.current.get(kind, (None, 0))
            if value == 1:
                nid, count = self._num(kind), 0
            if nid is None or value != count + 1:
                return line  # not a clean sequence: keep the typed number
            self.current[kind] = (nid, value)
            for deeper, _, _, _ in OUTLINE[depth + 1:]:
                self.current.pop(deeper, None)
            ppr = paragraph._p.get_or_add_pPr()
            npr = self._el("w:numPr")
            npr.append(self._el("w:ilvl", **{"w:val": "0"}))
            npr.append(self._el("w:numId", **{"w:val": nid}))
            ppr.append(npr)
            return line[m.end():]
        return line


def _cjk_font(run_or_style) -> None:
    from docx.oxml.ns import qn
    rpr = run_or_style.element.get_or_add_rPr() if hasattr(run_or_style, "element") else run_or_style
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        from lxml import etree
        fonts = etree.SubElement(rpr, qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _page_field(paragraph, before: str, after: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    paragraph.add_run(before)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)
    paragraph.add_run(after)


def make_docx(name: str, path: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    _cjk_font(normal.element.get_or_add_rPr())
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.5)
    section.header.paragraphs[0].text = "城乡居民基本医疗保险参保工作资料汇编"
    _page_field(section.footer.paragraphs[0], "— ", " —")
    numberer = Numberer(document)
    for kind, item in blocks(read_seed(name)):
        if kind == "para":
            p = document.add_paragraph()
            text = numberer.number(p, item)
            if text:
                p.add_run(text)
            continue
        rows = item
        width = max(len(r) for r in rows)
        table = document.add_table(rows=0, cols=width)
        table.style = document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(rows):
            cells = table.add_row().cells
            for c in range(width):
                cells[c].text = row[c] if c < len(row) else ""
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            height = OxmlElement("w:trHeight")
            height.set(qn("w:val"), "1000")  # 1000 twips: the table runs onto the next page
            tr_pr.append(height)
            if r == 0:
                tr_pr.append(OxmlElement("w:tblHeader"))  # repeated on every page
    document.core_properties.author = "nrc fixtures"
    import datetime
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2024, 1, 1)
    document.save(path)


# ------------------------------------------------------------------ html
PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubdate} 09:30">
<meta name="ContentSource" content="{source}">
<title>{title}_{source}</title>
<link rel="stylesheet" href="/css/main.css">
<script>var _hmt = _hmt || []; document.write("欢迎访问{source}网站，今天是" + new Date());</script>
<style>.nav li {{ float: left; }} /* 导航样式 */</style>
</head>
<body>
<div class="top-bar">您好，欢迎访问{source}！ <a href="/search">站内搜索</a> <a href="/wza">无障碍浏览</a> <a href="/old">长者模式</a></div>
<div class="header"><img src="/images/logo.png" alt="{source}"><h2>{source}</h2></div>
<div class="nav" id="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/xxgk">政府信息公开</a></li><li><a href="/zwfw">政务服务</a></li>
<li><a href="/hdjl">互动交流</a></li><li><a href="/zcjd">政策解读</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">政府信息公开</a> &gt; 通知公告</div>
<div class="main">
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：{pubdate} 来源：{source} 浏览次数：<span id="hits">1024</span> 字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div class="share bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a> <a href="#" class="bds_tsina">微博</a> <a href="#" class="bds_qzone">QQ空间</a></div>
<div class="print-close"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于2023年城乡居民医保参保缴费的通知</a> 2023-09-01</li>
<li><a href="/b">医保政策问答（一）</a> 2023-10-12</li></ul></div>
</div>
<div class="footer" id="footer">
<p>主办单位：{source} 地址：某某路88号 联系电话：0551-12345678</p>
<p>网站标识码：3401020001 皖ICP备05001234号 皖公网安备34010202000123号</p>
<p>版权所有 © 2024 {source}</p>
</div>
<script src="/js/jquery.min.js"></script>
<script>window._bd_share_config = {{"common": {{"bdText": "关于做好2024年城乡居民医保参保缴费工作的通知 每人380元"}}}};</script>
</body>
</html>
"""
SOURCES = {"anhui-hefei-yaohai_2024": ("合肥市瑶海区人民政府", "2024-09-05"),
           "anhui-hefei_2025-draft": ("合肥市医疗保障局", "2025-05-20"),
           "anhui-huaibei_2023": ("淮北市医疗保障局", "2023-09-08"),
           "anhui-wuhe_2024": ("五河县人民政府", "2024-09-10"),
           "hebei-gaoyang_2024": ("高阳县人民政府", "2024-09-02")}


def page_title(lines: list[str]) -> str:
    """The first title of the notice: its first non-blank lines up to one ending like a title."""
    parts = []
    for line in lines:
        text = line.strip()
        if not text:
            if parts:
                break
            continue
        if re.fullmatch(r"\S*〔\d{4}〕\s*\d+\s*号", text.replace(" ", "")):
            continue  # a document number line above the title
        parts.append(text)
        if re.search(r"(通知|方案|意见|稿）)$", text) or len(parts) == 3:
            break
    return "".join(parts)


def make_html(name: str, path: Path) -> None:
    lines = read_seed(name)
    body = []
    for kind, item in blocks(lines):
        if kind == "para":
            # web editors keep layout spaces as &nbsp; (a browser collapses plain ones)
            text = re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group()), html.escape(item.rstrip()))
            body.append(f"<p>{text}</p>" if item.strip() else "<p><br></p>")
        else:
            rows = ["<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in item]
            body.append('<table border="1" cellspacing="0"><tbody>\n' + "\n".join(rows) + "\n</tbody></table>")
    source, pubdate = SOURCES[name]
    charset = "gb2312" if name == GB18030_PAGE else "utf-8"
    text = PAGE.format(charset=charset, title=html.escape(page_title(lines)), pubdate=pubdate, source=source,
                       body="\n".join(body))
    path.write_bytes(text.encode("gb18030" if charset == "gb2312" else "utf-8"))


# ------------------------------------------------------------------ markdown
def make_md(name: str, path: Path) -> None:
    out = []
    for kind, item in blocks(read_seed(name)):
        if kind == "para":
            m = re.match(r"^([一二三四五六七八九十]{1,3}、.*)$", item)
            out.append(f"## {item}" if m and len(item) < 30 else
                       f"**{item}**" if item.startswith("附件") and len(item) < 12 else item)
            continue
        width = max(len(r) for r in item)
        out.append("| " + " | ".join(item[0]) + " |")
        out.append("|" + "---|" * width)
        out.extend("| " + " | ".join(r) + " |" for r in item[1:])
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


# ------------------------------------------------------------------ pdf
def make_pdfs(docx_paths: list[Path], out: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        sys.exit("LibreOffice is needed for the PDFs (apt-get install libreoffice-writer-nogui fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, docx_paths)], check=True, capture_output=True, timeout=600)


def make_bad(out: Path, have_pdf: bool) -> None:
    good_docx = (out / f"{SEEDS[0]}.docx").read_bytes()
    (out / "truncated.docx").write_bytes(good_docx[: len(good_docx) // 2])
    (out / "not-a-zip.docx").write_bytes((CORPUS / f"{SEEDS[1]}.txt").read_bytes())
    (out / "not-a-pdf.pdf").write_bytes(b"<html><body>\xe9\x80\x9a\xe7\x9f\xa5</body></html>\n")
    if not have_pdf:
        return
    good_pdf = (out / f"{SEEDS[1]}.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) * 3 // 5])
    qpdf = shutil.which("qpdf")
    if qpdf:
        subprocess.run([qpdf, "--encrypt", "secret", "owner-secret", "256", "--", str(out / f"{SEEDS[1]}.pdf"),
                        str(out / "encrypted.pdf")], check=True)
    else:
        print("qpdf not found: encrypted.pdf not made (apt-get install qpdf)", file=sys.stderr)
    make_scan(out / f"{SEEDS[1]}.pdf", out / "scan.pdf")


def make_scan(src: Path, dst: Path) -> None:
    """An image-only PDF: page 1 of `src` rendered to a bitmap and placed as the only page object."""
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(src))
    page = pdf[0]
    width, height = page.get_size()
    pil = page.render(scale=0.6, grayscale=True).to_pil().convert("L")
    new = pdfium.PdfDocument.new()
    new_page = new.new_page(width, height)
    image = pdfium.PdfImage.new(new)
    bitmap = pdfium.PdfBitmap.from_pil(pil)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    new_page.insert_obj(image)
    new_page.gen_content()
    new.save(str(dst))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice step")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    docx_paths = []
    for name in SEEDS:
        make_docx(name, OUT / f"{name}.docx")
        make_html(name, OUT / f"{name}.html")
        docx_paths.append(OUT / f"{name}.docx")
    make_md(SEEDS[0], OUT / f"{SEEDS[0]}.md")
    if not args.no_pdf:
        make_pdfs(docx_paths, OUT)
    make_bad(OUT, have_pdf=not args.no_pdf)
    print(f"fixtures written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
