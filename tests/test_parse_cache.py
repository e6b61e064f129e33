"""parse.py's table descriptions, cached on disk so that a start of nrc loads no family Lark parser.

The cached description must be the table Lark builds (described afresh from the grammar's Lark
parser), and a cache file that is unreadable, foreign or stale must be passed by, never trusted.
"""
from __future__ import annotations

import marshal
import tempfile
from pathlib import Path

import pytest
from lark.visitors import Transformer_InPlace

import extractor.parse as P
from extractor.grammars import grammar_dir
from extractor.lexicon import tokens

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = sorted(p.stem for p in (ROOT / "grammar").glob("*.lark") if p.stem not in ("common", "docno"))


def _fresh(family: str) -> P._Grammar:
    text = (grammar_dir() / f"{family}.lark").read_text("utf-8")
    return P._describe(P.token_parser(family), text)[0]


@pytest.mark.parametrize("family", FAMILIES)
def test_cached_description_is_larks_table(family):
    fresh = _fresh(family)
    assert P._grammar(family) == fresh
    assert marshal.loads(marshal.dumps(tuple(fresh))) == tuple(fresh)
    assert fresh.rows and fresh.rules and "start" in fresh.start_states


@pytest.fixture
def own_tmp(tmp_path, monkeypatch):
    """_grammar with the temporary folder at tmp_path and no memo."""
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    return tmp_path, P._grammar.__wrapped__


def test_cache_file_written_then_read(own_tmp, monkeypatch):
    folder, grammar = own_tmp
    want = _fresh("subsidy")
    assert grammar("subsidy") == want
    (path,) = folder.glob(".nrc_lalr_subsidy_*.marshal")
    # read back without Lark: describing is not needed again
    monkeypatch.setattr(P, "_describe", lambda *a: pytest.fail("described again"))
    assert grammar("subsidy") == want
    assert path.exists()


@pytest.mark.parametrize("content", [b"", b"garbage\x00\xff", marshal.dumps(("0" * 64, 1, 2)),
                                     marshal.dumps(12), marshal.dumps(("x",))])
def test_bad_or_stale_cache_is_passed_by(own_tmp, content):
    folder, grammar = own_tmp
    want = _fresh("period")
    grammar("period")
    (path,) = folder.glob(".nrc_lalr_period_*.marshal")
    path.write_bytes(content)
    assert grammar("period") == want
    assert marshal.loads(path.read_bytes())[1:] == tuple(want)  # written again, whole


def test_a_stale_description_under_the_key_of_another_text_is_not_used(own_tmp):
    """The key holds the grammar text: a file of the same name whose key differs is stale."""
    folder, grammar = own_tmp
    grammar("policy")
    (path,) = folder.glob(".nrc_lalr_policy_*.marshal")
    other = _fresh("targets")
    path.write_bytes(marshal.dumps(("not the key",) + tuple(other)))
    assert grammar("policy") == _fresh("policy") != other


def test_unwritable_temp_folder_still_parses(tmp_path, monkeypatch):
    missing = tmp_path / "not-a-folder"
    missing.write_text("a file where the folder should be")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(missing))
    assert P._grammar.__wrapped__("subsidy") == _fresh("subsidy")


class _InPlace(Transformer_InPlace):
    """A Transformer parse.py has no callbacks of its own for: Lark's are used."""


def test_lark_callbacks_used_where_own_ones_cannot_be():
    assert P._own_callbacks(P._grammar("subsidy").rules, _InPlace()) is None
    toks = tokens("对低保对象给予340元定额资助，个人缴纳60元")
    tree = P.parse("subsidy", toks)
    assert tree is not None
    assert P.parse("subsidy", toks, using=_InPlace()) == tree


def test_a_cache_file_of_another_user_is_not_trusted(own_tmp, monkeypatch):
    import os
    folder, grammar = own_tmp
    want = _fresh("subsidy")
    grammar("subsidy")
    (path,) = folder.glob(".nrc_lalr_subsidy_*.marshal")
    described = []
    real = P._describe
    monkeypatch.setattr(P, "_describe", lambda *a: described.append(1) or real(*a))
    assert grammar("subsidy") == want and not described  # the user's own file is read
    monkeypatch.setattr(os, "getuid", lambda: os.stat(path).st_uid + 1)
    assert grammar("subsidy") == want
    assert described  # read from Lark again, not from the file
