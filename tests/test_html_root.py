"""html: the block chosen as the notice's content scores its Chinese text less twice its link
text; the link text under each element is counted once per link and added to its ancestors
(reading every link's text under every candidate was quadratic on nested pages)."""
from __future__ import annotations

import random

import lxml.html

from extractor.load import html


def _naive(el) -> int:
    return sum(len(html._CJK.findall(a.text_content())) for a in el.iter("a"))


def _page(rng: random.Random, depth: int) -> str:
    """A page of divs nested `depth` deep, with links (some inside links' parents, some empty)
    and paragraphs at every level."""
    out = []
    for level in range(depth):
        out.append("<div>")
        for _ in range(rng.randint(0, 3)):
            word = rng.choice(["首页", "通知公告", "", "医保局", "Home", "参保缴费"])
            out.append(f'<p>第{level}段，<a href="#">{word}</a>居民医保</p>' if rng.random() < 0.5
                       else f'<a href="#"><span>{word}</span><a href="#">{word}</a></a>')
    out.append("</div>" * depth)
    return "<html><body>" + "".join(out) + "</body></html>"


def test_link_text_equals_the_sum_over_each_elements_links():
    rng = random.Random(7)
    for depth in (1, 3, 12, 40):
        body = lxml.html.fromstring(_page(rng, depth)).find("body")
        links = html._link_text(body)
        for el in body.iter():
            assert links.get(el, 0) == _naive(el), (depth, el.tag)


def test_a_deeply_nested_page_reads_each_link_once(monkeypatch):
    body = lxml.html.fromstring(_page(random.Random(3), 150)).find("body")
    calls = []
    real = lxml.html.HtmlElement.text_content
    monkeypatch.setattr(lxml.html.HtmlElement, "text_content", lambda self: calls.append(1) or real(self))
    html._link_text(body)
    assert len(calls) == sum(1 for _ in body.iter("a"))
