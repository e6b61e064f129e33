"""Integrity: safe names, atomic writes under interruption, determinism, concurrent runs, ingest never overwrites."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.fsutil import atomic_write, inside, safe_name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import make_badinput as mb  # noqa: E402

NASTY = ["..", "../..", "../../etc/passwd", "a/b", "/abs", "a\\b", "a\x00b", "\x00", ".", "...", " ", "",
         "CON", "con", "nul", "nul.txt", "COM1", "com1.json", "LPT9", "aux.tar.gz", "安" * 300,
         "合肥市" * 100, "a" * 1000, ".hidden", "-rf", "a:b", "a*b?c", "\u202e.txt", "..\u2215..", "a\nb"]


# ------------------------------------------------------------------ names
@pytest.mark.parametrize("stem", NASTY)
def test_safe_name_stays_inside(stem, tmp_path):
    name = safe_name(stem, ".json")
    assert "/" not in name and "\\" not in name and "\x00" not in name and not name.startswith(".")
    assert len(name.encode("utf-8")) <= 255
    assert name.split(".")[0].lower() not in {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                                              *(f"lpt{i}" for i in range(10))}
    target = inside(tmp_path, name)
    assert target.parent == tmp_path.resolve()
    target.write_text("x")  # the file system accepts it


@pytest.mark.parametrize("name", ["..", "../x", "a/../../x", "/etc/passwd", "sub/x", ""])
def test_inside_refuses_escapes(name, tmp_path):
    with pytest.raises(ValueError):
        inside(tmp_path, name)


def _rules(region: str, year=2025, status="final") -> dict:
    return {"region": {"name": region, "province": None}, "scheme_year": year, "notice": {"status": status}}


@pytest.mark.parametrize("region", NASTY)
def test_ingest_place_names_stay_in_corpus(region, tmp_path):
    from extractor.cli.ingest import place
    src = tmp_path / "in.txt"
    src.write_bytes(b"notice")
    corpus = tmp_path / "corpus"
    target, copied = place(src, _rules(region), corpus)
    assert copied and target.parent == corpus.resolve() and target.read_bytes() == b"notice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "in.txt"]
    assert not list(corpus.glob(".nrc-*"))


def test_ingest_never_overwrites_a_different_notice(tmp_path):
    from extractor.cli.ingest import place
    corpus = tmp_path / "corpus"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"first notice")
    b.write_bytes(b"second notice")
    ta, ca = place(a, _rules("合肥市"), corpus)
    tb, cb = place(b, _rules("合肥市"), corpus)
    again, c2 = place(a, _rules("合肥市"), corpus)
    assert ca and cb and not c2 and again == ta and tb != ta
    assert ta.read_bytes() == b"first notice" and tb.read_bytes() == b"second notice"
    assert tb.name == ta.stem + "-2.txt"


@pytest.mark.parametrize("stem", ["CON", "nul", "COM1", "..", "安" * 80, "a..b"])
def test_nrc_ingest_with_nasty_file_names(stem, tmp_path, monkeypatch):
    from extractor.cli import main
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in" / f"{stem}.txt"
    src.parent.mkdir()
    src.write_text("城乡居民医保个人缴费标准为每人每年400元。\n", "utf-8")
    err = io.StringIO()
    rc = main(["ingest", str(src), "--corpus", "corpus", "--out", "rules"], out=io.StringIO(), err=err)
    assert rc in (0, 2), err.getvalue()
    if rc == 0:
        (copy,) = (tmp_path / "corpus").iterdir()
        (rules,) = (tmp_path / "rules").glob("*.json")
        assert copy.read_bytes() == src.read_bytes()
        assert copy.stem.split(".")[0].lower() not in ("con", "nul", "com1") and copy.name not in ("..", ".")
        json.loads(rules.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) in (["corpus", "in", "rules"], ["in"])
    for p in tmp_path.rglob(".nrc-*.tmp"):
        pytest.fail(f"temp file left: {p}")


def test_atomic_write_leaves_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


# ------------------------------------------------------------------ subprocess helpers
def nrc(args, cwd, env_extra=None, **kw):
    env = {**os.environ, **(env_extra or {})}
    env.pop("NRC_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "extractor", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def run_nrc(args, cwd, env_extra=None, timeout=300):
    p = nrc(args, cwd, env_extra)
    out, err = p.communicate(timeout=timeout)
    return p.returncode, out.decode(), err.decode()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


# ------------------------------------------------------------------ determinism
def test_output_is_identical_across_hash_seeds_and_jobs(tmp_path):
    (tmp_path / "corpus").mkdir()
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        (tmp_path / "corpus" / p.name).write_bytes(p.read_bytes())
    results = {}
    for label, seed, jobs in (("0", "0", "1"), ("1", "1", "2"), ("12345", "12345", "1"), ("random", "random", "2")):
        out = f"out-{label}"
        rc, so, se = run_nrc(["compile", "corpus", "--out", out, "--jobs", jobs], tmp_path, {"PYTHONHASHSEED": seed})
        assert rc == 0, se
        results[label] = snapshot(tmp_path / out)
    first = results["0"]
    assert len(first) == len(list((tmp_path / "corpus").glob("*.txt")))
    for label, snap in results.items():
        assert snap == first, f"PYTHONHASHSEED={label} differs"


# ------------------------------------------------------------------ interruption
COPIES = 40


def _notices(folder: Path, text: str) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(COPIES):
        atomic_write(folder / f"n{i:02d}.txt", text.encode("utf-8"))


def test_interrupted_batch_leaves_every_file_old_or_new(tmp_path):
    a = mb.NOTICE
    b = mb.NOTICE.replace("400元", "380元").replace("1070元", "1050元")
    ref = {}
    for label, text in (("a", a), ("b", b)):
        _notices(tmp_path / "notices", text)
        rc, _, se = run_nrc(["compile", "notices", "--out", f"ref-{label}"], tmp_path)
        assert rc == 0, se
        ref[label] = snapshot(tmp_path / f"ref-{label}")
    assert len(ref["a"]) == COPIES and all(ref["a"][k] != ref["b"][k] for k in ref["a"])
    # a full run takes this long; kill at random moments within it
    t0 = time.perf_counter()
    _notices(tmp_path / "notices", a)
    rc, _, _ = run_nrc(["compile", "notices", "--out", "out"], tmp_path)
    full = time.perf_counter() - t0
    rnd = random.Random(6)
    for k in range(6):
        text = b if k % 2 == 0 else a
        _notices(tmp_path / "notices", text)
        p = nrc(["compile", "notices", "--out", "out"], tmp_path)
        time.sleep(rnd.uniform(0.3, full * 1.1))
        p.send_signal(signal.SIGINT if k == 5 else signal.SIGKILL)
        p.communicate(timeout=60)
        snap = snapshot(tmp_path / "out")
        assert set(snap) == set(ref["a"])
        for name, data in snap.items():
            json.loads(data)
            assert data in (ref["a"][name], ref["b"][name]), f"{name} is neither old nor new"
    for leftover in (tmp_path / "out").glob(".nrc-*.tmp"):
        # a SIGKILL between mkstemp and rename can leave a temp file; it is never a rules file
        assert not leftover.name.endswith(".json")


# ------------------------------------------------------------------ concurrency
def test_two_concurrent_compiles_do_not_corrupt(tmp_path):
    _notices(tmp_path / "notices", mb.NOTICE)
    rc, _, se = run_nrc(["compile", "notices", "--out", "ref"], tmp_path)
    assert rc == 0, se
    ref = snapshot(tmp_path / "ref")
    for _ in range(3):
        procs = [nrc(["compile", "notices", "--out", "out"], tmp_path, {"PYTHONHASHSEED": str(i)}) for i in range(2)]
        for p in procs:
            _, err = p.communicate(timeout=300)
            assert p.returncode == 0, err.decode()
        assert snapshot(tmp_path / "out") == ref
        assert not list((tmp_path / "out").glob(".nrc-*.tmp"))
