"""make bench: speed and memory of nrc, printed as figures (not a test).

  - median in-process time per seed notice (corpus/*.txt), and per format (fixtures)
  - batch throughput (notices/s) in process
  - cold `nrc extract` wall time (a fresh interpreter per run)
  - peak RSS of a batch run
Targets (issue 2/4): <= 5 ms per txt notice, >= 200 notices/s, cold extract <= 300 ms,
<= 150 MB RSS, docx <= 25 ms, pdf <= 30 ms per 8-page notice.
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import api  # noqa: E402
from extractor.emit import to_bytes  # noqa: E402
from extractor.load import load  # noqa: E402


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


_FIRST_SIGHT = """
import statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from extractor import api
from extractor.emit import to_bytes
for p in sorted(Path(sys.argv[1], "tests", "notices").glob("*.txt")):
    api.extract(p)  # grammars and vocabulary loaded, no seed seen
times = []
for p in sys.argv[2:]:
    t = time.perf_counter()
    to_bytes(api.extract(p))
    times.append((time.perf_counter() - t) * 1000)
print(statistics.median(times))
"""


def first_sight(seeds: list[Path], rounds: int = 5) -> float:
    """Median time per seed notice seen for the first time: the figure, date and label
    memos (extractor.values.parse_value, lexicon.canonical_group…) hold nothing of it yet."""
    out = []
    for _ in range(rounds):
        run = subprocess.run([sys.executable, "-c", _FIRST_SIGHT, str(ROOT), *map(str, seeds)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        out.append(float(run.stdout.strip()))
    return statistics.median(out)


def main() -> None:
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    for p in seeds:  # warm-up: grammars built, vocabulary loaded
        api.extract(p)
    print("in-process time per notice (median of 30 runs, full pipeline incl. load, check and emit):")
    per = []
    for p in seeds:
        src = load(p)
        ms = median_ms(lambda: to_bytes(api.extract_source(src)), 30)
        per.append(ms)
        print(f"  {p.name:40} {ms:6.2f} ms")
    print(f"  median over the seeds: {statistics.median(per):.2f} ms   (target <= 5 ms)")

    print(f"  on first sight: median {first_sight(seeds):.2f} ms   (each seed once, in a process warmed on other notices)")

    n = 0
    t = time.perf_counter()
    while time.perf_counter() - t < 3.0:
        for p in seeds:
            to_bytes(api.extract(p))
            n += 1
    rate = n / (time.perf_counter() - t)
    print(f"batch throughput in process, one core: {rate:.0f} notices/s   (target >= 200)")
    import shutil
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        src.mkdir()
        for i in range(40):
            for p in seeds:
                shutil.copy(p, src / f"{p.stem}-{i}.txt")
        count = len(list(src.iterdir()))
        for jobs in (1, 2):
            nrc_bin = ROOT / ".venv" / "bin" / "nrc"
            cmd = [str(nrc_bin)] if nrc_bin.exists() else [sys.executable, "-m", "extractor"]
            t = time.perf_counter()
            subprocess.run(cmd + ["compile", str(src), "--out", str(Path(tmp) / f"out{jobs}"), "--jobs", str(jobs)],
                           stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
            wall = time.perf_counter() - t
            print(f"`nrc compile --jobs {jobs}` of {count} notices: {count / wall:.0f} notices/s (wall {wall:.1f} s)")

    nrc = ROOT / ".venv" / "bin" / "nrc"
    cmd = [str(nrc)] if nrc.exists() else [sys.executable, "-m", "extractor"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "extractor")], stdout=subprocess.DEVNULL)
    subprocess.run(cmd + ["extract", str(seeds[0])], stdout=subprocess.DEVNULL, cwd=ROOT)  # builds the parser caches (Lark's and parse.py's) once
    colds = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run(cmd + ["extract", str(seeds[0])], stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
        colds.append((time.perf_counter() - t) * 1000)
    print(f"cold `nrc extract` wall time: median {statistics.median(colds):.0f} ms   (target <= 300 ms)")

    try:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_formats import FORMATS, _files, bench_formats
        loads = bench_formats()
        print("per format, median per notice (fixtures of the five seeds): load only / whole pipeline")
        for fmt in FORMATS:
            files = _files(fmt)
            if not files:
                continue
            for f in files:
                api.extract(f)  # warm-up
            full = statistics.median(median_ms(lambda f=f: to_bytes(api.extract(f)), 5) for f in files)
            print(f"  {fmt:5} {loads.get(fmt, float('nan')):7.2f} ms / {full:7.2f} ms")
        pdfs = [f for f in _files("pdf")]
        if pdfs:
            import pypdfium2
            pages = statistics.mean(len(pypdfium2.PdfDocument(str(f))) for f in pdfs)
            print(f"  (the PDF fixtures have {pages:.1f} pages on average; target: <= 30 ms for 8 pages)")
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not fail
        print(f"per-format figures unavailable: {exc}")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB   (target <= 150 MB)")


if __name__ == "__main__":
    main()
