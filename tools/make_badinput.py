"""Generate the bad-input corpus of tests/badinput/ (issue 6).

    python tools/make_badinput.py            # (re)write the small cases into tests/badinput/
    python tools/make_badinput.py --check    # exit 1 if tests/badinput/ is not what this script makes

Every case is a file whose name says what it is: truncated, corrupted and
mislabelled files of every supported format (made from tests/fixtures/formats/
and corpus/), wrong encodings, texts that are not notices, notices with absurd
numbers, deeply nested tables, control characters, lone surrogates,
right-to-left marks and zero-width spaces.  The output is deterministic (a
fixed random seed), so the committed corpus can be checked against it.

Cases larger than SMALL bytes are not committed: `big_cases(folder)` writes
them at test time (1 MB lines, 10 MB of repeated clauses, a zip bomb, files over
the size limits, truncated PDFs...).
"""
from __future__ import annotations

import argparse
import io
import random
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "formats"
CORPUS = ROOT / "corpus"
OUT = ROOT / "tests" / "badinput"
SMALL = 64 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

NOTICE = """关于做好2025年度城乡居民基本医疗保险参保缴费工作的通知

各县（区）医疗保障局：

一、筹资标准
2025年度城乡居民医保个人缴费标准为每人每年400元，财政补助标准为每人每年不低于670元，筹资标准为每人每年1070元。

二、资助参保
特困人员给予全额资助，低保对象按个人缴费标准的90%给予资助，监测对象资助60%。

三、缴费时间
集中缴费期为2024年9月1日至2024年12月31日，待遇享受期为2025年1月1日至2025年12月31日。

联系电话：0551-64490236
"""

ABSURD = """关于做好1900年度城乡居民基本医疗保险参保缴费工作的通知

一、筹资标准
1900年度个人缴费标准为每人每年99999999元，财政补助标准为每人每年-5元，筹资标准为每人每年0.00001元。

二、资助参保
特困人员资助999999999元，低保对象按个人缴费标准的900%给予资助，监测对象资助百分之九千九百，计划生育特殊家庭父母资助1e10元。

三、缴费时间
集中缴费期为1900年13月45日至1899年2月30日，待遇享受期为1900年1月1日至9999年12月31日，截止时间为0年0月0日。
新生儿出生后99999999天内参保。连续参保满99999999年的，提高不低于99999999999999999999元。
联系电话：99999999999999999999
"""

ENGLISH = """Dear Sir or Madam,

Thank you for your letter of 3 March 2024 about the opening hours of the public library.
The library will be open from 9 a.m. to 5 p.m. on weekdays, and the fee for a reader's card is 10 dollars.
Please contact us at 555-0100 if you have any questions.

Yours faithfully,
The Librarian
"""

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
         "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip "
         "ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.\n") * 20

NOVEL = """第三章　雨夜

那年秋天，雨下得格外多。老周撑着一把旧伞，从镇上的药铺出来，手里攥着两包中药，一共花了三十七元。
他沿着河堤慢慢走，河水涨得很高，浑黄的水里漂着几根断了的竹竿。远处的钟楼敲了九下，声音闷闷的，像是从水底传上来的。
“爹，你又去抓药了？”女儿秀兰站在院门口，头发被风吹得乱蓬蓬的。
“嗯，大夫说再吃七天就好。”老周把药递给她，抖了抖伞上的水。
屋里点着一盏煤油灯，灯芯结了花。秀兰把药倒进砂锅，添了三碗水，蹲在灶前扇火。老周坐在门槛上，望着院子里那棵被雨打得东倒西歪的石榴树，想起二十年前栽它的那个春天。
那时候秀兰才五岁，站在树坑边上，非要自己往里填土。一晃眼，她都二十五了。
锅里的药咕嘟咕嘟地响起来，苦味满屋子都是。老周咳了两声，心里盘算着，明年开春得把屋顶的瓦换一换，少说也要八百块钱。
"""

RECIPE = """红烧肉的做法

材料：五花肉500克，冰糖30克，生抽两勺，老抽一勺，料酒适量，姜三片，八角两个。
1. 五花肉切成2厘米见方的块，冷水下锅焯水。
2. 锅中放少许油，下冰糖小火炒出糖色。
3. 放入肉块翻炒上色，加入调料和开水，小火炖60分钟。
4. 大火收汁即可。
"""


# ------------------------------------------------------------------ helpers
def _read(name: str) -> bytes:
    return (FIX / name).read_bytes()


def _corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def _docx_replace(src: bytes, parts: dict[str, bytes | None]) -> bytes:
    """A copy of docx `src` with some parts replaced (None: removed) or added (fixed dates: same bytes every run)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout0:
        class _Z:
            @staticmethod
            def writestr(name, data):
                zout0.writestr(zipfile.ZipInfo(name, date_time=(2024, 9, 6, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        zout = _Z
        names = [i.filename for i in zin.infolist()]
        for name in names:
            if name in parts:
                if parts[name] is not None:
                    zout.writestr(name, parts[name])
            elif name not in ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"):
                zout.writestr(name, zin.read(name))
            else:
                zout.writestr(name, b"")  # keep the package small: these parts are never read
        for name, data in parts.items():
            if name not in names and data is not None:
                zout.writestr(name, data)
    return out.getvalue()


def _document(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _flip(data: bytes, rnd: random.Random, n: int) -> bytes:
    b = bytearray(data)
    for _ in range(n):
        i = rnd.randrange(len(b))
        b[i] = rnd.randrange(256)
    return bytes(b)


def _nested_html(depth: int) -> bytes:
    cell = "<p>个人缴费标准为每人每年400元。</p>"
    inner = cell
    for i in range(depth):
        inner = f"<table><tr><td>第{i}层</td><td>{inner}</td></tr></table>"
    return (f"<html><head><meta charset='utf-8'><title>嵌套表格</title></head><body><div>"
            f"<p>关于做好2025年度城乡居民医保参保工作的通知</p>{inner}</div></body></html>").encode("utf-8")


def _nested_docx(depth: int) -> bytes:
    inner = _p("个人缴费标准为每人每年400元。")
    for i in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{_p(f'第{i}层')}</w:tc><w:tc>{inner}</w:tc></w:tr></w:tbl>{_p('')}"
    body = _p("关于做好2025年度城乡居民医保参保工作的通知") + inner
    return _docx_replace(_read("anhui-wuhe_2024.docx"), {"word/document.xml": _document(body)})


# ------------------------------------------------------------------ the cases
def cases() -> dict[str, bytes]:
    """name -> bytes of every case (small and big); deterministic."""
    rnd = random.Random(20240906)
    c: dict[str, bytes] = {}
    sources = {
        "txt": (".txt", _corpus("anhui-wuhe_2024.txt")),
        "txt2": (".txt", _corpus("hebei-gaoyang_2024.txt")),
        "md": (".md", _read("anhui-hefei-yaohai_2024.md")),
        "html": (".html", _read("anhui-wuhe_2024.html")),
        "html2": (".htm", _read("anhui-huaibei_2023.html")),
        "docx": (".docx", _read("anhui-wuhe_2024.docx")),
        "docx2": (".docx", _read("hebei-gaoyang_2024.docx")),
        "pdf": (".pdf", _read("anhui-wuhe_2024.pdf")),
        "pdf2": (".pdf", _read("anhui-huaibei_2023.pdf")),
    }

    # truncated: at fixed fractions and a few fixed byte counts
    for key, (suffix, data) in sources.items():
        for frac in (0.0005, 0.01, 0.1, 0.5, 0.9, 0.999):
            c[f"truncated-{key}-{int(frac * 10000):04d}{suffix}"] = data[:max(1, int(len(data) * frac))]
        c[f"truncated-{key}-1byte{suffix}"] = data[:1]
    # a truncated PDF that keeps its %%EOF, so it reaches pdfium
    for key in ("pdf", "pdf2"):
        data = sources[key][1]
        for frac in (0.3, 0.7):
            c[f"truncated-keepeof-{key}-{int(frac * 100)}.pdf"] = data[:int(len(data) * frac)] + b"\n%%EOF\n"
    # a docx whose zip is fine but whose document.xml stops halfway
    doc = sources["docx"][1]
    with zipfile.ZipFile(io.BytesIO(doc)) as zf:
        xml = zf.read("word/document.xml")
    for frac in (0.1, 0.5, 0.95):
        c[f"truncated-docxml-{int(frac * 100)}.docx"] = _docx_replace(doc, {"word/document.xml": xml[:int(len(xml) * frac)]})

    # corrupted: flipped bytes, zeroed blocks, inserted garbage, shuffled blocks
    for key, (suffix, data) in sources.items():
        c[f"corrupt-flip10-{key}{suffix}"] = _flip(data, rnd, 10)
        c[f"corrupt-flip1000-{key}{suffix}"] = _flip(data, rnd, 1000)
        i = len(data) // 3
        c[f"corrupt-zeroed-{key}{suffix}"] = data[:i] + b"\x00" * 2048 + data[i + 2048:]
        c[f"corrupt-garbage-{key}{suffix}"] = data[:i] + bytes(rnd.randrange(256) for _ in range(4096)) + data[i:]
        blocks = [data[j:j + 4096] for j in range(0, len(data), 4096)]
        rnd.shuffle(blocks)
        c[f"corrupt-shuffled-{key}{suffix}"] = b"".join(blocks)
    c["corrupt-docxml-flip.docx"] = _docx_replace(doc, {"word/document.xml": _flip(xml, rnd, 50)})
    c["corrupt-docx-numbering.docx"] = _docx_replace(doc, {"word/numbering.xml": b"<w:numbering>\x00\xff</w:numbering"})
    c["corrupt-docx-styles-notxml.docx"] = _docx_replace(doc, {"word/styles.xml": b"not xml at all"})
    c["corrupt-docx-rels.docx"] = _docx_replace(doc, {"word/_rels/document.xml.rels": b"<Relationships/>"})
    c["corrupt-docx-contenttypes-missing.docx"] = _docx_replace(doc, {"[Content_Types].xml": None})
    c["corrupt-docx-no-document.docx"] = _docx_replace(doc, {"word/document.xml": None})
    c["corrupt-docx-empty-body.docx"] = _docx_replace(doc, {"word/document.xml": _document("")})
    c["corrupt-docx-doctype.docx"] = _docx_replace(doc, {"word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        + _document(_p("&b;"))[38:])})
    c["corrupt-docx-doctype-utf16.docx"] = _docx_replace(doc, {"word/document.xml": (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{_p("&x;")}</w:body></w:document>').encode("utf-16")})
    c["corrupt-docx-gridspan.docx"] = _docx_replace(doc, {"word/document.xml": _document(
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="999999999"/></w:tcPr>' + _p("甲") + "</w:tc>"
        '<w:tc><w:tcPr><w:gridSpan w:val="abc"/></w:tcPr>' + _p("乙") + "</w:tc></w:tr></w:tbl>" + _p("个人缴费400元。"))})
    c["corrupt-docx-numbering-values.docx"] = _docx_replace(doc, {"word/numbering.xml": (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"><w:start w:val="-5"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%9%1、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="zz"/>'
        "</w:lvlOverride></w:num></w:numbering>").encode()})
    c["corrupt-docx-numbering-huge.docx"] = _docx_replace(doc, {
        "word/numbering.xml": (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                               '<w:start w:val="99999999999999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
                               '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode(),
        "word/document.xml": _document('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                                       '<w:r><w:t>个人缴费400元。</w:t></w:r></w:p>' * 3)})
    c["corrupt-docx-styles-loop.docx"] = _docx_replace(doc, {"word/styles.xml": (
        f'<w:styles xmlns:w="{W_NS}"><w:style w:styleId="a"><w:basedOn w:val="b"/></w:style>'
        '<w:style w:styleId="b"><w:basedOn w:val="a"/></w:style></w:styles>').encode()})
    at = doc.index(b"PK\x01\x02")  # the first central directory entry: "version needed to extract" 14.8
    c["corrupt-docx-zip-version.docx"] = doc[:at + 6] + (148).to_bytes(2, "little") + doc[at + 8:]
    c["corrupt-zip-only-header.docx"] = b"PK\x03\x04" + b"\x00" * 26
    c["corrupt-zip-empty.docx"] = b"PK\x05\x06" + b"\x00" * 18
    c["corrupt-pdf-header-only.pdf"] = b"%PDF-1.7\n"
    c["corrupt-pdf-header-eof.pdf"] = b"%PDF-1.4\n%%EOF\n"
    c["corrupt-pdf-garbage-middle.pdf"] = b"%PDF-1.4\n" + bytes(rnd.randrange(256) for _ in range(3000)) + b"\n%%EOF\n"
    c["corrupt-pdf-no-pages.pdf"] = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                     b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    c["corrupt-pdf-count-lies.pdf"] = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                       b"2 0 obj<</Type/Pages/Kids[]/Count 99999999>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

    # mislabelled: each format's bytes under each other suffix
    for key in ("txt", "md", "html", "docx", "pdf"):
        src_suffix, data = sources[key]
        for suffix in SUFFIXES:
            if suffix != src_suffix:
                c[f"mislabelled-{key}-as{suffix.replace('.', '-')}{suffix}"] = data
    # random bytes with each suffix, and nearly empty files
    for suffix in SUFFIXES:
        for size in (1, 100, 5000):
            c[f"random-{size}{suffix.replace('.', '-')}{suffix}"] = bytes(rnd.randrange(256) for _ in range(size))
        c[f"empty-whitespace{suffix.replace('.', '-')}{suffix}"] = b"   \n\n\t \r\n"
        c[f"empty-bom{suffix.replace('.', '-')}{suffix}"] = b"\xef\xbb\xbf"
        c[f"empty-nul{suffix.replace('.', '-')}{suffix}"] = b"\x00"
        c[f"empty-zerowidth{suffix.replace('.', '-')}{suffix}"] = "\u200b\u200b\ufeff\u200e".encode()

    # wrong encodings
    text = _corpus("anhui-wuhe_2024.txt").decode("utf-8")
    short = NOTICE
    for enc, label in (("utf-16-le", "utf16le-nobom"), ("utf-16-be", "utf16be-nobom"), ("utf-16", "utf16-bom"),
                       ("utf-32", "utf32"), ("big5", "big5"), ("shift_jis", "shiftjis"), ("euc_kr", "euckr"),
                       ("gb18030", "gb18030"), ("gbk", "gbk"), ("hz", "hz"), ("utf-7", "utf7"), ("cp1252", "cp1252")):
        for name, t in (("notice", short), ("corpus", text)):
            c[f"encoding-{label}-{name}.txt"] = t.encode(enc, "replace")
    c["encoding-latin1-english.txt"] = ("Café résumé naïve – " + ENGLISH).encode("latin-1", "replace")
    c["encoding-latin1-mojibake.txt"] = short.encode("utf-8").decode("latin-1").encode("utf-8")
    c["encoding-double-utf8.txt"] = short.encode("utf-8").decode("cp1252", "replace").encode("utf-8")
    c["encoding-utf8-bom-invalid.txt"] = b"\xef\xbb\xbf" + short.encode("utf-8") + b"\xff\xfe\xc0"
    c["encoding-gb18030-as-utf8-html.html"] = (
        "<html><head><meta charset='utf-8'><title>通知</title></head><body><p>" + short.replace("\n", "</p><p>")
        + "</p></body></html>").encode("gb18030")
    c["encoding-utf8-as-gbk-html.html"] = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'><title>通知</title></head><body><p>"
        + short.replace("\n", "</p><p>") + "</p></body></html>").encode("utf-8")
    c["encoding-bogus-charset-html.html"] = (
        "<html><head><meta charset='x-no-such-charset'></head><body><p>" + short + "</p></body></html>").encode("utf-8")
    c["encoding-big5-as-md.md"] = short.encode("big5", "replace")
    c["encoding-utf16-nobom-as-html.html"] = ("<html><body><p>" + short + "</p></body></html>").encode("utf-16-le")
    c["encoding-mixed-lines.txt"] = b"\n".join(line.encode(("utf-8", "gb18030", "big5")[i % 3], "replace")
                                              for i, line in enumerate(short.splitlines()))

    # not a notice
    for name, t in (("english", ENGLISH), ("lorem", LOREM), ("novel", NOVEL), ("recipe", RECIPE)):
        c[f"notnotice-{name}.txt"] = t.encode("utf-8")
        c[f"notnotice-{name}.md"] = ("# " + t).encode("utf-8")
        c[f"notnotice-{name}.html"] = (f"<html><body><article><p>{t.replace(chr(10), '</p><p>')}</p></article></body></html>"
                                       ).encode("utf-8")
        c[f"notnotice-{name}.docx"] = _docx_replace(doc, {"word/document.xml": _document("".join(_p(x) for x in t.splitlines()))})
    c["notnotice-json.txt"] = b'{"funding": {"total": 1070}, "note": "\xe9\x80\x9a\xe7\x9f\xa5"}'
    c["notnotice-csv.txt"] = "地区,标准\n合肥市,1070元\n五河县,400元\n".encode("utf-8")
    c["notnotice-code.txt"] = b"def f(x):\n    return x * 1070  # \xe5\x85\x83\n" * 30
    c["notnotice-digits-only.txt"] = b"1070 400 670 2024 2025 90% 0551-64490236\n" * 50
    c["notnotice-punctuation.txt"] = "。，；：！？（）、《》〈〉“”〔〕【】".encode() * 100
    c["notnotice-html-scripts-only.html"] = b"<html><head><script>var a='\xe9\x80\x9a\xe7\x9f\xa5';</script></head><body></body></html>"
    c["notnotice-html-nav-only.html"] = ("<html><body><div class='nav'>首页 通知 公告</div><footer>版权所有</footer></body></html>").encode()
    c["notnotice-svg.html"] = b"<svg xmlns='http://www.w3.org/2000/svg'><text>\xe9\x80\x9a\xe7\x9f\xa5 1070\xe5\x85\x83</text></svg>"

    # absurd numbers
    for suffix in (".txt", ".md"):
        c[f"absurd-notice{suffix}"] = ABSURD.encode("utf-8")
    c["absurd-notice.html"] = ("<html><body><div>" + "".join(f"<p>{x}</p>" for x in ABSURD.splitlines()) + "</div></body></html>").encode()
    c["absurd-notice.docx"] = _docx_replace(doc, {"word/document.xml": _document("".join(_p(x) for x in ABSURD.splitlines()))})
    c["absurd-subsidy-over-standard.txt"] = NOTICE.replace("低保对象按个人缴费标准的90%给予资助",
                                                           "低保对象资助5000元，个人缴费100元").encode()
    c["absurd-huge-exponent.txt"] = (NOTICE + "\n资助" + "9" * 400 + "元，比例" + "9" * 400 + "%，" + "9" * 400 + "年度。\n").encode()
    c["absurd-chinese-numerals.txt"] = (NOTICE + "\n资助" + "九" * 300 + "元，百分之" + "一二三" * 100 + "，"
                                        + "十百千" * 100 + "人。\n").encode()
    c["absurd-years.txt"] = NOTICE.replace("2025", "0000").replace("2024", "9999").encode()
    c["absurd-dates.txt"] = NOTICE.replace("9月1日", "2月30日").replace("12月31日", "13月32日").encode()
    c["absurd-decimals.txt"] = NOTICE.replace("400元", "400.000000000000000000001元").replace("90%", "90.999999999%").encode()

    # long lines and repetition (big: written at test time)
    clause = "城乡居民医保个人缴费标准为每人每年400元，财政补助不低于670元，低保对象资助90%；"
    c["big-1mb-line.txt"] = (clause * (1_048_576 // len(clause.encode()) + 1)).encode()
    c["big-1mb-line-nopunct.txt"] = ("参保缴费" * 90_000).encode()
    c["big-1mb-digits.txt"] = b"\xe4\xb8\xaa\xe4\xba\xba" + b"9" * 1_048_576 + "元。".encode()
    c["big-1mb-spaces.txt"] = "通知\n".encode() + b" " * 1_048_576 + "1070元\n".encode()
    c["big-1mb-brackets.txt"] = ("〔" * 300_000 + "1070元" + "〕" * 10).encode()
    c["big-1mb-line.md"] = ("**" + clause + " __a" * 100_000 + " [x](" * 50_000 + "\n").encode()
    c["big-1mb-line.html"] = ("<html><head><title>" + "_" * 100_000 + "</title></head><body><p>"
                              + clause * 12_000 + "</p></body></html>").encode()
    c["big-10mb-repeated.txt"] = ((NOTICE + "\n") * (10 * 1024 * 1024 // len(NOTICE.encode()) + 1)).encode()
    c["big-10mb-wrapped.txt"] = ("参保缴费工作方案第一二三条规定\n" * 250_000).encode()
    c["big-many-empty-lines.txt"] = "通知\n".encode() + b"\n" * 2_000_000 + "1070元\n".encode()
    c["big-html-nested-500.html"] = _nested_html(500)
    c["big-html-10k-br.html"] = ("<html><body><p>通知</p>" + "<br>" * 100_000 + "<p>个人缴费400元。</p></body></html>").encode()
    c["big-html-deep-div.html"] = ("<html><body>" + "<div>" * 5000 + "个人缴费400元。" + "</div>" * 5000 + "</body></html>").encode()
    for key in ("pdf", "pdf2"):
        c[f"big-mislabelled-{key}-as-docx.docx"] = sources[key][1]
        c[f"big-truncated-keepeof-{key}-90.pdf"] = sources[key][1][:int(len(sources[key][1]) * 0.9)] + b"\n%%EOF\n"
    c["big-encrypted-renamed.pdf"] = _read("encrypted.pdf")
    return c


def deep_cases() -> dict[str, bytes]:
    """Nested tables and odd characters (small: committed)."""
    c: dict[str, bytes] = {}
    c["nested-html-50.html"] = _nested_html(50)
    c["nested-html-unclosed.html"] = ("<html><body>" + "<table><tr><td>" * 60 + "个人缴费400元。").encode()
    c["nested-docx-50.docx"] = _nested_docx(50)
    c["nested-docx-5.docx"] = _nested_docx(5)
    c["nested-md-quotes.md"] = (">" * 500 + " 个人缴费400元。\n" + "|" * 2000 + "\n| a | b |\n|---|\n").encode()
    # control characters, surrogates, marks
    ctl = "".join(chr(i) for i in range(1, 32)) + "\x7f"
    c["chars-control.txt"] = (NOTICE.replace("400元", "4" + ctl + "00元")).encode()
    c["chars-control-everywhere.txt"] = "".join(ch + ctl[i % len(ctl)] for i, ch in enumerate(NOTICE)).encode()
    c["chars-nul-late.txt"] = (NOTICE * 3).encode() + b"\x00\x00" + NOTICE.encode()
    c["chars-lone-surrogates.txt"] = NOTICE.replace("元", "元\udc80\ud800").encode("utf-8", "surrogatepass")
    c["chars-surrogateescape.txt"] = NOTICE.replace("，", "\udcff，").encode("utf-8", "surrogateescape")
    c["chars-surrogate-pair-split.txt"] = ("\ud83d" + NOTICE + "\ude00").encode("utf-8", "surrogatepass")
    c["chars-rtl-marks.txt"] = NOTICE.replace("元", "\u202e元\u202c").replace("%", "\u200f%\u200e").encode()
    c["chars-rtl-arabic.txt"] = ("\u0627\u0644\u0639\u0631\u0628\u064a\u0629 " + NOTICE + " \u05e2\u05d1\u05e8\u05d9\u05ea").encode()
    c["chars-zero-width-numbers.txt"] = NOTICE.replace("1070", "1\u200b070").replace("400", "4\u200c0\u200d0").encode()
    c["chars-zero-width-everywhere.txt"] = "\u200b".join(NOTICE).encode()
    c["chars-fullwidth-digits.txt"] = NOTICE.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"}).encode()
    c["chars-combining.txt"] = "".join(ch + "\u0301" if ch.isdigit() else ch for ch in NOTICE).encode()
    c["chars-line-separators.txt"] = NOTICE.replace("\n", "\u2028").replace("。", "。\u2029\x0c\x0b").encode()
    c["chars-cr-only.txt"] = NOTICE.replace("\n", "\r").encode()
    c["chars-emoji-pua.txt"] = NOTICE.replace("元", "元😀\ue000\U000f0000").encode()
    c["chars-bom-middle.txt"] = NOTICE.replace("。", "。\ufeff").encode()
    c["chars-nfkc-oddities.txt"] = NOTICE.replace("1070", "①⓪⑦⓪").replace("年", "㍻年").encode()
    c["chars-variation-selectors.txt"] = "\ufe0f".join(NOTICE).encode()
    c["chars-html-entities.html"] = ("<html><body><p>个人缴费&#x34;&#x30;&#x30;元，&#0;&#xD800;&#x110000;&bogus;"
                                     "&amp;&lt;&nbsp;1&#8203;070元。</p></body></html>").encode()
    c["chars-control.html"] = ("<html><body><div><p>个人缴费\x01400元\x0b。</p><p>补助\x1f670元\ufffe。</p>"
                               "<nav>x</nav>\x02</div></body></html>").encode()
    c["chars-control.docx"] = _docx_replace(_read("anhui-wuhe_2024.docx"), {"word/document.xml": _document(
        _p("个人缴费&#x200b;400元") + _p("\u202e筹资标准1\u200b070元\u202c") + "<w:p><w:r><w:t>a</w:t><w:br/><w:tab/>"
        "<w:sym w:char='F0FC'/><w:t>b</w:t></w:r></w:p>")})
    return c


def small_cases() -> dict[str, bytes]:
    every = {**cases(), **deep_cases()}
    return {k: v for k, v in every.items() if not k.startswith("big-") and len(v) <= SMALL}


def big_cases(folder: Path) -> list[Path]:
    """Write the cases not committed (big ones) into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    every = {**cases(), **deep_cases()}
    out = []
    for name, data in sorted(every.items()):
        if name.startswith("big-") or len(data) > SMALL:
            p = folder / name
            p.write_bytes(data)
            out.append(p)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if tests/badinput/ differs from what this script makes")
    args = ap.parse_args(argv)
    want = small_cases()
    have = {p.name: p.read_bytes() for p in OUT.glob("*") if p.is_file() and p.name != "README.md"} if OUT.is_dir() else {}
    if args.check:
        bad = sorted(set(want) ^ set(have)) + sorted(k for k in want if k in have and want[k] != have[k])
        for name in bad:
            print(f"differs: {name}")
        return 1 if bad else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in set(have) - set(want):
        (OUT / name).unlink()
    for name, data in sorted(want.items()):
        if have.get(name) != data:
            (OUT / name).write_bytes(data)
    total = sum(map(len, want.values()))
    print(f"{len(want)} small cases ({total // 1024} KiB) in {OUT.relative_to(ROOT)}/; "
          f"{len({**cases(), **deep_cases()}) - len(want)} big cases are made at test time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
