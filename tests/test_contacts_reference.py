"""contacts' lexer and its sentence gates must give exactly what their first, plain
implementations (kept below as the reference) give, on random sentences built from the
vocabulary, names, titles, phones, digits, punctuation, spaces and line cuts."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor.lexicon import Tok, load_vocab, word_table
from extractor.segment import Line, Sentence
from extractor.transform import contacts as C
from extractor.transform.base import squeeze
from extractor.values import scan

V = C.vocab()
WORDS = word_table(load_vocab("contacts.toml")["contacts"]["tokens"], "contacts.toml")

# ------------------------------------------------------------------ the reference lexer
_SERVICE = re.compile(r"(?<![\d.])(?:0\d{2,3}[-—])?1\d{4}(?![\d.%])")
_AREA_PAREN = re.compile(r"（(0\d{2,3})）")
_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,8}·[\u3400-\u9fff·]{1,12}$")
_PUNCT = {"：": "COLON", "，": "COMMA", "、": "DUN", "；": "COMMA", "。": "COMMA"}
_WORD_RE = re.compile("|".join(map(re.escape, sorted(WORDS, key=len, reverse=True))))


def _ref_kind(chunk):
    if chunk.endswith(V.titles):
        return "TITLE"
    if len(chunk) >= 2 and chunk.endswith(V.orgs):
        return "ORG"
    if len(chunk) == 1 and _CJK.match(chunk):
        return "CHAR"
    if _NAME.match(chunk):
        return "NAME"
    return "TEXT"


def ref_lex(text, cuts=frozenset(), values=None):
    marks = []
    taken = bytearray(len(text))

    def mark(kind, word, s, e, value=None):
        marks.append(Tok(kind, word, s, e, value))
        taken[s:e] = b"\x01" * (e - s)

    for s in sorted({0} | set(cuts)):
        colon = text.find("：", s, s + 12)
        if colon > s:
            label = squeeze(text[s:colon])
            if label in V.roles:
                mark("ROLE", label, s, colon)
    if re.search(r"\d{5}", text):
        for val in (scan(text) if values is None else values):
            if val.kind == "phone" and not any(taken[val.start:val.end]):
                mark("PHONE", val.text, val.start, val.end, val)
        for m in _SERVICE.finditer(text):
            if not any(taken[m.start():m.end()]):
                mark("PHONE", m.group(), m.start(), m.end())
        for m in _AREA_PAREN.finditer(text):
            if m.end() < len(taken) and taken[m.end()] and not any(taken[m.start():m.end()]):
                mark("AREA", m.group(1), m.start(), m.end())
    for m in _WORD_RE.finditer(text):
        if not any(taken[m.start():m.end()]):
            mark(WORDS[m.group()], m.group(), m.start(), m.end())
    for i, ch in enumerate(text):
        if ch in _PUNCT and not taken[i]:
            mark(_PUNCT[ch], ch, i, i + 1)
    marks.sort(key=lambda t: t.start)
    out, pos = [], 0
    for t in marks:
        if t.start > pos:
            _ref_chunks(text, pos, t.start, cuts, out)
        out.append(t)
        pos = t.end
    if pos < len(text):
        _ref_chunks(text, pos, len(text), cuts, out)
    return _ref_split_title(out)


def _ref_chunks(text, s, e, cuts, out):
    for m in re.finditer(r"[^ ]+", text[s:e]):
        a, b = s + m.start(), s + m.end()
        for c in sorted(c for c in cuts if a < c < b) + [b]:
            out.append(Tok(_ref_kind(text[a:c]), text[a:c], a, c))
            a = c


def _ref_split_title(toks):
    opening = [i for i, t in enumerate(toks)
               if t.type == "TITLE" and len(t.text) > 4 and (i == 0 or toks[i - 1].type == "COLON")]
    for i in reversed(opening):
        t = toks[i]
        for n in (2, 3, 4):
            rest = t.text[n:]
            if rest.startswith(V.title_starts) and _CJK.match(t.text[:n]):
                toks[i:i + 1] = [Tok("NAME", t.text[:n], t.start, t.start + n),
                                 Tok("TITLE", rest, t.start + n, t.end)]
                break
    return toks


# ------------------------------------------------------------------ the reference gates
_CANDIDATE = re.compile(r"\d{5}|" + "|".join(map(re.escape, V.alone)))


def ref_gates(texts):
    heads = {i for i, t in enumerate(texts) if t.find("：", 0, 12) > 0}
    wanted = {i for i, t in enumerate(texts) if _CANDIDATE.search(t)}
    return heads, wanted


# ------------------------------------------------------------------ random sentences
_WORDS = sorted(WORDS)
_NAMES = ["王莉莉", "陈 熙", "孙  浩", "古丽米拉·艾买提", "马", "张建设"]
_TITLES = sorted(V.titles) + ["县民政局局长", "县政府常务副县长", "县委常委", "锦华街道办事处主任"]
_ORGS = ["市医保局医药管理和待遇保障处", "县医保中心", "协调小组", "领导小组办公室"] + sorted(V.orgs)
_FIGURES = ["63531019", "0551-63531019", "0951—4028018", "（0551）", "12393", "13912345678", "5056951",
            "2024年", "1070元", "12345", "１２３４５", "٠١٢٣٤"]
_OTHER = list("参保居民医疗电话由兼设省县市区·") + ["负责", "办公", "联系", "咨询服务", "\n"] + list(V.title_starts)
_PIECE = (st.sampled_from(_WORDS) | st.sampled_from(_NAMES) | st.sampled_from(_TITLES) | st.sampled_from(_ORGS)
          | st.sampled_from(_FIGURES) | st.sampled_from(list("：，、；。 （）-")) | st.sampled_from(_OTHER)
          | st.sampled_from(list("0123456789")) | st.sampled_from(["副 组 长：", "组  长：", "成 员："]))
SENTENCE = st.lists(_PIECE, max_size=24).map("".join)


@st.composite
def sentence_and_cuts(draw):
    text = draw(SENTENCE)
    cuts = draw(st.sets(st.integers(0, max(len(text), 1)), max_size=4)) if text else set()
    return text, frozenset(cuts)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentence_and_cuts())
@example(("组 长：徐立民 县委常委、县政府常务副县长", frozenset()))
@example(("副 组 长：陈 熙 县税务局局长马运侠 县医保局局长", frozenset({17})))
@example(("王莉莉县民政局局长", frozenset()))
@example(("咨询电话：（0551）63531019、12393", frozenset()))
@example(("协调小组办公室设在县税务局，陈熙兼办公室主任，联系电话：5056951", frozenset({14, 30})))
@example(("", frozenset()))
def test_lex_equals_the_reference(case):
    text, cuts = case
    assert C.lex(text, cuts) == ref_lex(text, cuts)
    vals = scan(text)
    assert C.lex(text, cuts, vals) == ref_lex(text, cuts, vals)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCE, max_size=12))
@example(["组长：王", "联系人：陈静", "电话：12393", "１２３４５", "办公室主任由王兼任", "：12345"])
def test_gates_equal_the_reference(texts):
    line = Line("".join(texts), 1)
    sentences = [Sentence(t, line, 0, (), i, values=[], kinds=frozenset()) for i, t in enumerate(texts)]
    assert C._gates(sentences, V) == ref_gates(texts)
