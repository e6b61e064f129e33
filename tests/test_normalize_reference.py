"""normalize's line loop against the loop it replaced (kept here as the reference).

The loop now keeps the paragraph it may still extend inside its output, joins the texts of
joined paragraphs once at the end, skips the table tests on a text with no TAB and no "|",
and tests a sentence end before calling _joins; the Lines it gives must be the same.
"""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import limits
from extractor.normalize import (
    _BULLETS, _FOOTER_FIRST, _MD_BULLET, _PAGE_FOOTER, _PIPE_RULE, Line, _cut, _joins, _view, fold, normalize)


def reference_normalize(raw_lines, locs=None):
    out = []
    pending = None
    parts = []
    total = 0

    def flush():
        nonlocal pending, parts, total
        if pending:
            pending.text = "".join(parts)
            out.append(pending)
        pending, parts, total = None, [], 0

    folded = fold("\n".join(raw_lines)).split("\n")
    if len(folded) != len(raw_lines):
        folded = [fold(r) for r in raw_lines]
    limit = limits.MAX_LINE_CHARS
    for idx, raw in enumerate(raw_lines):
        number = idx + 1
        loc = locs[idx] if locs else None
        f = folded[idx]
        g = f.strip()
        if f.startswith("\t") or (g.startswith("|") and g.endswith("|") and len(g) > 1):
            flush()
            if not f.startswith("\t"):
                cells = [x.strip() for x in g[1:-1].split("|")]
                if all(_PIPE_RULE.fullmatch(c) for c in cells if c):
                    cells = []
            else:
                cells = [x.strip() for x in f.split("\t")][1:]
            if len([c for c in cells if c]) <= 1:
                cells = [c for c in cells if c]
            if any(cells):
                out.append(Line("\t" + "\t".join(cells), number, [], cells, loc))
            else:
                out.append(Line("", number, [], [], loc))
            continue
        if not g:
            if out and out[-1].cells and not raw.strip():
                out.append(Line("", number, [], [], loc))
            continue
        first = g[0]
        if (first in _FOOTER_FIRST or first.isdecimal()) and _PAGE_FOOTER.match(g):
            continue
        text = _MD_BULLET.sub("", f).strip() if first in _BULLETS else g
        if not text:
            continue
        if len(text) > limit:
            flush()
            pieces = _cut(text, limit)
            out.extend(Line(piece, number, [], None, loc) for piece in pieces[:-1])
            text = pieces[-1]
        elif pending and total + len(text) <= limit and \
                _joins(parts[0] if len(parts) == 1 else _view(parts, total), text):
            pending.breaks.append((total, number))
            parts.append(text)
            total += len(text)
            continue
        flush()
        pending, parts, total = Line(text, number, [], None, loc), [text], len(text)
    flush()
    return out


LINE = st.lists(st.sampled_from(
    ["\t", "|", " | ", "|---|", "\u200b", " ", "  ", "\u3000", "。", "，", "：", "- ", "• ", "— 3 —", "第2页",
     "一、", "（二）", "1.", "2024年9月1日", "附件", "通知", "（征求意见稿）", "低保边缘家庭成", "员", "参保缴费",
     "个人缴费标准为400元", "城乡居民基本医疗保险", "x", "1 100元", "a\tb"]), max_size=8).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE | st.text(max_size=20), max_size=14), st.booleans())
@example(["\t区\t医保", "人员参保", "", "缴费"], False)   # a row break before a paragraph still open
@example(["| a | b |", "", "正文", "", "续"], True)
@example(["\t", "", "正文"], False)
def test_normalize_gives_the_lines_of_the_reference_loop(lines, with_locs):
    locs = [f"p{i}" if i % 3 else None for i in range(len(lines))] if with_locs else None
    got = normalize(lines, locs).lines
    want = reference_normalize(lines, locs)
    assert [(x.text, x.origin, x.breaks, x.cells, x.loc) for x in got] == \
           [(x.text, x.origin, x.breaks, x.cells, x.loc) for x in want]


def test_long_lines_are_cut_as_by_the_reference(monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 30)
    lines = ["前文", "甲" * 25 + "，" + "乙" * 40 + "。", "续", "\t表\t格", "丙" * 29, "丁" * 5]
    got = normalize(lines).lines
    want = reference_normalize(lines)
    assert [(x.text, x.origin, x.breaks, x.cells) for x in got] == [(x.text, x.origin, x.breaks, x.cells) for x in want]
