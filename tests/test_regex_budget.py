"""No catastrophic backtracking: the regexes that see untrusted text run in linear-ish time.

Each pattern is timed on adversarial strings of n and 10n characters: the larger
must take less than 30x the smaller (quadratic would be ~100x), and less than an
absolute, generous cap.
"""
from __future__ import annotations

import time

import pytest

from extractor import lexicon, normalize, segment, values
from extractor.load import html, markdown, pdf, text

N = 4_000
CAP = 2.0  # seconds for the 10n run


def _best(fn, s: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(s)
        best = min(best, time.perf_counter() - t0)
    return best


ADVERSARIAL = {
    "digits": lambda n: "9" * n,
    "digits-dots": lambda n: "5." * (n // 2),
    "cn-numerals": lambda n: "一二三" * (n // 3),
    "cn-units": lambda n: "十百千" * (n // 3),
    "spaces": lambda n: "1" + " " * n + "x",
    "cjk-spaces": lambda n: "年" + " " * n + "x",
    "open-brackets": lambda n: "〔" * n,
    "nested-brackets": lambda n: "（" * (n // 2) + "1070元" + "）" * (n // 2),
    "square-brackets": lambda n: "[" * n,
    "bookmark": lambda n: "[bookmark:" * (n // 10),
    "prefixes": lambda n: "不低于" * (n // 3),
    "md-openers": lambda n: " __a **b *c _d ~~e" * (n // 18),
    "md-links": lambda n: "[a](x" * (n // 5),
    "pipes": lambda n: "|" + "| " * (n // 2) + "x",
    "dashes": lambda n: "—" * n + "x",
    "underscores": lambda n: "_" * n,
    "hashes": lambda n: "# a" + " " * n + "x",
    "keywords": lambda n: "参保缴费" * (n // 4),
    "mixed": lambda n: "2024年9月1日至12月31日1070元90%0551-64490236" * (n // 40),
}

PATTERNS = {
    "values.SCAN": values.SCAN.findall,
    "values.scan": values.scan,
    "normalize.fold": normalize.fold,
    "normalize.spaces": lambda s: normalize._SPACE_RUN.sub("", s),
    "normalize.thousands": lambda s: normalize._SPACE_THOUSANDS.sub(normalize._join_thousands, s),
    "normalize.PAGE_FOOTER": normalize._PAGE_FOOTER.match,
    "normalize.HEADING": normalize._HEADING.match,
    "normalize.TITLE_END": normalize._TITLE_END.search,
    "normalize.DATE_LINE": normalize._DATE_LINE.match,
    "segment.OPEN_THEN_END": segment._OPEN_THEN_END.search,
    "segment.sentence_pieces": segment.sentence_pieces,
    "lexicon.keywords": lambda s: lexicon._keyword_re().findall(s),
    "lexicon.tokens": lexicon.tokens,
    "markdown.lines": lambda s: markdown.markdown_lines([s, "# " + s, "| " + s + " |"]),
    "pdf.PAGE_NO": pdf._PAGE_NO.match,
    "pdf.TITLE_END": pdf._TITLE_END.search,
    "pdf.LABEL": pdf._LABEL.match,
    "html.SITE_SUFFIX(title)": lambda s: html._SITE_SUFFIX.sub("", s[:1000]),
    "html.DROP_MARK": html._DROP_MARK.search,
    "html.iso_date": html._iso_date,
    "text.plausible": text._plausible,
}


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_linear(pattern):
    fn = PATTERNS[pattern]
    worst = []
    for name, make in ADVERSARIAL.items():
        small, large = make(N), make(10 * N)
        fn(small)  # warm caches (compiled grammars, vocabulary)
        t1, t10 = _best(fn, small), _best(fn, large, repeat=2)
        assert t10 < CAP, f"{pattern} on {name}: {t10:.2f}s for {len(large)} characters"
        if t10 > 0.02:  # below that, timer noise dominates the ratio
            assert t10 < 30 * t1, f"{pattern} on {name}: {t1:.4f}s -> {t10:.4f}s for 10x input (not linear)"
        worst.append((t10, name))


def test_long_line_through_the_pipeline_is_linear():
    from extractor import api
    clause = "个人缴费标准为每人每年400元，低保对象资助90%；"

    def run(k: int) -> float:
        t0 = time.perf_counter()
        api.extract_text("关于2025年度城乡居民医保参保缴费工作的通知\n" + clause * k)
        return time.perf_counter() - t0
    run(10)
    small, large = run(1_000), run(10_000)
    assert large < 30 * max(small, 0.05), (small, large)
    assert large < 60


def test_group_labels_stay_linear_on_long_runs():
    """Fuzz finding: a 22 KB notice whose tier list had grown huge took 3 s in labels()."""
    from extractor.transform.subsidies import labels
    for n in (2000, 20000):
        text = "参" * n + "一、" * (n // 2) + "类" + "低保对象" + "、特困人员" * (n // 10)
        t = time.perf_counter()
        labels(text)
        assert time.perf_counter() - t < 0.5
