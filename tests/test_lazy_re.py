"""lazy_re.lazy_compile: a regex constant compiled on first use, read as the compiled one."""
from __future__ import annotations

import re

import pytest

from extractor import normalize, tables
from extractor.lazy_re import LazyPattern, lazy_compile
from extractor.transform import contacts, periods, subsidies


def test_pattern_is_read_without_compiling():
    rx = lazy_compile(r"^[\u3400-\u9fff]+$")
    assert rx.pattern == r"^[\u3400-\u9fff]+$"
    assert "match" not in vars(rx)  # nothing compiled yet


def test_reads_as_the_compiled_pattern():
    source, flags = r"(\d+)(?P<unit>元|%)", re.IGNORECASE
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    text = "补助 30元，比例 50%，x"
    assert lazy.search(text).span() == compiled.search(text).span()
    assert "match" in vars(lazy)  # compiled once, its methods kept on the object
    assert lazy.match(text) is None and lazy.fullmatch("7元").groups() == ("7", "元")
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("#", text) == compiled.sub("#", text)
    assert lazy.subn("#", text) == compiled.subn("#", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)
    assert lazy.pattern == compiled.pattern


def test_unknown_attributes_raise():
    rx = lazy_compile("a")
    with pytest.raises(AttributeError):
        rx.no_such_method  # noqa: B018
    with pytest.raises(AttributeError):
        rx.__deepcopy__  # noqa: B018
    assert "match" not in vars(rx)  # neither compiled it


def test_a_bad_pattern_fails_on_first_use():
    rx = lazy_compile("(")
    with pytest.raises(re.error):
        rx.search("x")


@pytest.mark.parametrize("rx", [
    normalize._SURROGATE, normalize._MD_BULLET, normalize._PIPE_RULE,
    tables._NUMERIC, tables._PHONE, tables._HEADER_WORDS,
    contacts._SERVICE, contacts._AREA_PAREN, contacts._AREA_PREFIX, contacts._CJK, contacts._NAME,
    periods._YEAR, subsidies._ORDINAL_START, subsidies._ORDINALS,
], ids=repr)
def test_the_lazy_constants_compile(rx):
    assert isinstance(rx, LazyPattern)
    assert rx.groups == re.compile(rx.pattern).groups
