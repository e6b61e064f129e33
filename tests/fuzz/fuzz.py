"""Fuzz the loaders and the pipeline with mutated seed notices.

    python tests/fuzz/fuzz.py --minutes 10            # `make fuzz`
    python tests/fuzz/fuzz.py --minutes 1 --seed 7 --findings FINDINGS_DIR

Seeds are corpus/*.txt, tests/notices/*.txt and the good files of
tests/fixtures/formats/.  Mutations are drawn by Hypothesis (strategies
only: generation, no database, no shrinking; every case runs, failures are
collected instead of stopping the run): byte flips, inserts, deletions,
duplications, truncation, splices of two seeds, text edits that target the
scanner (long digit runs, Chinese numerals, brackets, zero-width and
right-to-left marks, lone surrogates, absurd numbers), and, for .docx,
edits inside word/document.xml with the zip rebuilt, so the mutation
reaches the XML walker rather than stopping at the zip check.

Each case is written to a temporary file with the seed's suffix (or a
random other suffix: mislabelled files) and run, in a worker process, through
extractor.load.load and extractor.api.extract_source, then the rule set is
checked with extractor.check.schema_errors.  Reported:

  crash    an exception that is not an extractor.errors.NrcError
  schema   a rule set that fails schema validation
  slow     a case that took longer than --slow seconds (default 2)
  hang     a case that did not finish within --timeout seconds (the worker is killed)

Each finding is saved in --findings (default: a new temporary folder) as
the input file plus a .txt with the traceback.  Exit 1 when anything was found.
"""
from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 25
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
BAD_FIXTURES = {"encrypted.pdf", "not-a-pdf.pdf", "not-a-zip.docx", "scan.pdf", "truncated.docx", "truncated.pdf"}

SPICE = ["\u200b", "\u200e", "\u200f", "\u202e", "\ufeff", "\u3000", "\x00", "\x1b", "\r", "\t", "〔" * 50,
         "（" * 30, "）" * 30, "1" * 500, "一二三" * 200, " " * 300, "99999999元", "0.0000001%", "1900年1月1日",
         "2024年13月45日", "百分之九千九百", "不低于不超过", "每人每年", "万元万元", "--", "——", "|", "\t\t\t",
         "\ud800", "\udfff", "𠀀", "①②③", "㈠", "1\u200b070元", "１０７０元", "一千零七十元", "\n" * 50,
         "<table><tr><td>", "</td></tr></table>", "<!DOCTYPE x>", "&#0;", "&nbsp;", "%PDF-", "%%EOF", "PK\x03\x04"]


# ------------------------------------------------------------------ seeds
def seeds() -> list[tuple[str, bytes]]:
    out = []
    for pattern in ("corpus/*.txt", "tests/notices/*.txt", "tests/fixtures/formats/*"):
        for p in sorted(ROOT.glob(pattern)):
            if p.name in BAD_FIXTURES or p.suffix.lower() not in SUFFIXES:
                continue
            out.append((p.suffix.lower(), p.read_bytes()))
    return out


# ------------------------------------------------------------------ mutations (drawn by hypothesis)
def _mutate_bytes(data: bytes, draw, st) -> bytes:
    b = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "dup", "truncate", "spice", "zero"]))
        if not b:
            b = bytearray(b"x")
        i = draw(st.integers(0, len(b) - 1))
        if op == "flip":
            b[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            b[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del b[i:i + draw(st.integers(1, 4096))]
        elif op == "dup":
            n = draw(st.integers(1, 4096))
            b[i:i] = b[i:i + n] * draw(st.integers(1, 20))
        elif op == "truncate":
            del b[i:]
        elif op == "spice":
            b[i:i] = draw(st.sampled_from(SPICE)).encode("utf-8", "surrogatepass")
        elif op == "zero":
            b[i:i + draw(st.integers(1, 512))] = b"\x00" * draw(st.integers(1, 512))
    return bytes(b)


def _mutate_text(text: str, draw, st) -> str:
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["spice", "digits", "repeat", "delete", "swapnum", "unicode"]))
        i = draw(st.integers(0, max(len(text) - 1, 0)))
        if op == "spice":
            text = text[:i] + draw(st.sampled_from(SPICE)) + text[i:]
        elif op == "digits":
            text = text[:i] + draw(st.sampled_from(["9", "0", "一", "〇", "5.", "%"])) * draw(st.integers(1, 20000)) + text[i:]
        elif op == "repeat":
            n = draw(st.integers(1, 2000))
            text = text[:i] + text[i:i + n] * draw(st.integers(2, 50)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 2000)):]
        elif op == "swapnum":
            text = text.replace(draw(st.sampled_from(["1070", "400", "2024", "90%", "12月31日", "元"])),
                                draw(st.sampled_from(["99999999", "0", "1900", "900%", "2月30日", "万元", ""])))
        elif op == "unicode":
            text = text[:i] + draw(st.text(min_size=1, max_size=200)) + text[i:]
    return text


def _mutate_docx(data: bytes, draw, st) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    except Exception:  # noqa: BLE001 - a seed that is not a zip: mutate bytes
        return _mutate_bytes(data, draw, st)
    name = draw(st.sampled_from(sorted(parts)))
    xml = parts[name]
    if draw(st.booleans()):
        text = xml.decode("utf-8", "replace")
        op = draw(st.sampled_from(["nest", "text", "cut", "bytes"]))
        if op == "nest" and "<w:tbl>" in text:
            i = text.index("<w:tbl>")
            depth = draw(st.integers(2, 60))
            text = text[:i] + "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>深</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * depth + text[i:]
        elif op == "text":
            text = text.replace("<w:t>", "<w:t>" + draw(st.sampled_from(SPICE[:20])).replace("<", "&lt;"), draw(st.integers(1, 50)))
        elif op == "cut":
            i = draw(st.integers(0, max(len(text) - 1, 0)))
            text = text[:i]
        parts[name] = text.encode("utf-8", "surrogatepass") if op != "bytes" else _mutate_bytes(xml, draw, st)
    else:
        parts[name] = _mutate_bytes(xml, draw, st)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, blob in parts.items():
            zf.writestr(n, blob)
    return out.getvalue()


def make_case(draw, st, pool) -> tuple[str, bytes]:
    suffix, data = draw(st.sampled_from(pool))
    kind = draw(st.sampled_from(["bytes", "text", "text", "docx", "splice", "raw"]))
    if kind == "text" and suffix in (".txt", ".md", ".html", ".htm"):
        enc = draw(st.sampled_from(["utf-8", "utf-8", "gb18030", "utf-16", "utf-16-le", "big5", "shift_jis", "latin-1"]))
        text = _mutate_text(data.decode("utf-8", "replace"), draw, st)
        data = text.encode(enc, "surrogatepass" if enc.startswith("utf") else "replace")
    elif kind == "docx" and suffix == ".docx":
        data = _mutate_docx(data, draw, st)
    elif kind == "splice":
        _, other = draw(st.sampled_from(pool))
        i, j = draw(st.integers(0, len(data))), draw(st.integers(0, len(other)))
        data = data[:i] + other[j:]
    elif kind != "raw":
        data = _mutate_bytes(data, draw, st)
    if draw(st.integers(0, 9)) == 0:
        suffix = draw(st.sampled_from(SUFFIXES))  # mislabelled
    return suffix, data


# ------------------------------------------------------------------ the worker
def _worker(conn, tmpdir: str) -> None:
    sys.setrecursionlimit(10_000)
    from extractor import api
    from extractor.check import schema_errors
    from extractor.errors import NrcError
    from extractor.load import load
    n = 0
    while True:
        job = conn.recv()
        if job is None:
            return
        suffix, data = job
        n += 1
        path = Path(tmpdir) / f"case{n % 50}{suffix}"
        path.write_bytes(data)
        t0 = time.perf_counter()
        try:
            rules = api.extract_source(load(path))
            errs = schema_errors(rules)
            result = ("schema", "; ".join(errs[:5])) if errs else ("ok", "")
        except NrcError as exc:
            result = ("error", str(exc))
        except BaseException:  # noqa: BLE001 - that is what we look for
            result = ("crash", traceback.format_exc())
        conn.send((result[0], result[1], time.perf_counter() - t0))


class Runner:
    def __init__(self, tmpdir: str, timeout: float):
        self.tmpdir, self.timeout = tmpdir, timeout
        self.ctx = mp.get_context("spawn")
        self.proc = None
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.tmpdir), daemon=True)
        self.proc.start()

    def run(self, suffix: str, data: bytes) -> tuple[str, str, float]:
        t0 = time.perf_counter()
        self.conn.send((suffix, data))
        if self.conn.poll(self.timeout):
            try:
                return self.conn.recv()
            except EOFError:
                pass
            self.proc.join(1)
            self._start()
            return ("crash", f"worker died (exit code {self.proc.exitcode})", time.perf_counter() - t0)
        self.proc.kill()
        self.proc.join()
        self._start()
        return ("hang", f"no result after {self.timeout} s", time.perf_counter() - t0)

    def close(self) -> None:
        try:
            self.conn.send(None)
            self.proc.join(5)
        finally:
            if self.proc.is_alive():
                self.proc.kill()


# ------------------------------------------------------------------ main
def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    ap.add_argument("--slow", type=float, default=2.0, help="report cases slower than this (s)")
    ap.add_argument("--timeout", type=float, default=60.0, help="kill a case after this (s)")
    ap.add_argument("--findings", default=None, help="folder for failing inputs (default: a temp folder)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    from hypothesis import HealthCheck, Phase, given, settings, strategies as st

    seed = args.seed if args.seed is not None else int(time.time())
    pool = seeds()
    findings = Path(args.findings or tempfile.mkdtemp(prefix="nrc-fuzz-"))
    findings.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + args.minutes * 60
    stats: Counter = Counter()
    found: list[str] = []
    slowest = [0.0, ""]
    with tempfile.TemporaryDirectory(prefix="nrc-fuzz-run-") as tmpdir:
        runner = Runner(tmpdir, args.timeout)

        @settings(max_examples=CHUNK, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(st.data())
        def case(data):
            suffix, blob = make_case(data.draw, st, pool)
            if time.monotonic() > deadline:
                return  # draws stay the same; the case is just not run
            status, detail, elapsed = runner.run(suffix, blob)
            stats[status] += 1
            stats["cases"] += 1
            if elapsed > slowest[0]:
                slowest[:] = [elapsed, f"{suffix} {len(blob)} bytes"]
            problems = []
            if status in ("crash", "schema", "hang"):
                problems.append(status)
            if elapsed > args.slow and status != "hang":
                problems.append("slow")
            for p in problems:
                stats[f"found:{p}"] += 1
                n = len(found) + 1
                stem = findings / f"{n:04d}-{p}"
                stem.with_suffix(suffix).write_bytes(blob)
                stem.with_suffix(".report.txt").write_text(f"{p} {elapsed:.2f}s {suffix} {len(blob)} bytes\n{detail}\n", "utf-8")
                first = (detail.strip().splitlines() or [""])[-1][:200]
                found.append(f"{p}: {stem.with_suffix(suffix).name} ({elapsed:.2f}s) {first}")
                if not args.quiet:
                    print(f"[{time.strftime('%H:%M:%S')}] {found[-1]}", flush=True)
            if not args.quiet and stats["cases"] % 200 == 0:
                print(f"[{time.strftime('%H:%M:%S')}] {stats['cases']} cases: "
                      + ", ".join(f"{k} {v}" for k, v in sorted(stats.items()) if k != "cases"), flush=True)

        from hypothesis import seed as hseed
        chunk = 0
        try:
            while time.monotonic() < deadline:  # chunks of CHUNK cases, each with its own seed
                hseed(seed * 1000 + chunk)(case)()
                chunk += 1
        finally:
            runner.close()

    print(f"fuzz: {stats['cases']} cases in {args.minutes:g} min (seed {seed}); "
          + ", ".join(f"{k} {v}" for k, v in sorted(stats.items()) if k != "cases")
          + f"; slowest {slowest[0]:.2f}s ({slowest[1]})")
    if found:
        print(f"fuzz: {len(found)} finding(s), inputs in {findings}:")
        for line in found[:50]:
            print("  " + line)
        return 1
    print("fuzz: nothing found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
