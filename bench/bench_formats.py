"""Load time per notice and format, in process, over tests/fixtures/formats/.

    python bench/bench_formats.py

bench_formats() returns {format: median milliseconds to load one notice}
(loading only: decode, parse, tables; the rest of the pipeline is the same
for every format).  Each file is loaded once to warm imports, then timed.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "formats"
FORMATS = ("txt", "md", "html", "docx", "pdf")
ROUNDS = 5


def _files(fmt: str) -> list[Path]:
    if fmt == "txt":
        return sorted((ROOT / "corpus").glob("*.txt"))
    return sorted(p for p in FIX.glob(f"*.{fmt}") if "-" in p.stem and "_" in p.stem)  # seeds, not bad files


def bench_formats(rounds: int = ROUNDS) -> dict[str, float]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from extractor.load import load

    result: dict[str, float] = {}
    for fmt in FORMATS:
        files = _files(fmt)
        if not files:
            continue
        for f in files:
            load(f)  # warm-up: imports, caches
        samples = []
        for _ in range(rounds):
            for f in files:
                t0 = time.perf_counter()
                load(f)
                samples.append((time.perf_counter() - t0) * 1000)
        result[fmt] = round(statistics.median(samples), 2)
    return result


def main() -> int:
    for fmt, ms in bench_formats().items():
        print(f"{fmt:5} {ms:8.2f} ms per notice (median)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
