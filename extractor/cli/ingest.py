"""nrc ingest FILE...: add new notices to the corpus, compile them, and show a review.

Each notice is copied into corpus/ under a name that says its region and
year (安徽省-合肥市-2025.txt, "-draft" for a 征求意见稿; the original name when
they are unknown).  A different file of the same name is never overwritten
(the copy gets -2, -3...); an identical one means the notice is already in.
It is then compiled into compiled_rules/ (same name, .json) and reviewed:
facts with their quotes, warnings, unexplained figures.  Every notice is
read before anything is written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

EXAMPLE = ("example:\n  nrc ingest ~/Downloads/关于做好2025年度城乡居民医保参保工作的通知.docx\n"
           "  nrc ingest new/*.pdf --strict          # exit 1 on warnings or unexplained money figures")


def register(sub) -> None:
    p = sub.add_parser("ingest", help="copy notices into corpus/, compile them, and review the result",
                       description=__doc__, epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="notices: .txt .md .html .htm .docx .pdf")
    p.add_argument("--strict", action="store_true", help="exit 1 when there are warnings or unexplained money figures")
    p.add_argument("--corpus", default="corpus", help="corpus folder (default: corpus)")
    p.add_argument("--out", default="compiled_rules", help="output folder for rule sets (default: compiled_rules)")
    p.set_defaults(func=run)


def corpus_stem(rules: dict, original: Path) -> str:
    """省-市-年 (plus -draft) from the rule set; the original stem when region or year is unknown."""
    region, year = rules.get("region") or {}, rules.get("scheme_year")
    if not (region.get("name") and isinstance(year, int)):
        return original.stem
    parts = list(dict.fromkeys(str(x) for x in (region.get("province"), region.get("name")) if x))
    stem = "-".join(parts + [str(year)])
    if (rules.get("notice") or {}).get("status") == "draft":
        stem += "-draft"
    return stem


MAX_STEM_BYTES = 180  # file systems limit names to 255 bytes; CJK is 3 bytes a character in UTF-8


def _clip(stem: str, limit: int = MAX_STEM_BYTES) -> str:
    data = stem.encode("utf-8")[:limit]
    return data.decode("utf-8", errors="ignore")


def place(original: Path, rules: dict, corpus: Path) -> tuple[Path, bool]:
    """Copy `original` into `corpus` under its region-year name; return (path, copied).

    Never overwrites: the same bytes under that name mean already ingested
    (copied is False); different bytes move on to name-2, name-3...
    """
    from ..errors import InputError
    from ..fsutil import create_new, inside, safe_name
    data = original.read_bytes()
    suffix = original.suffix.lower()
    base = safe_name(_clip(corpus_stem(rules, original)), "")
    corpus.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        name = safe_name(base if n == 1 else f"{base}-{n}", suffix)
        try:
            target = inside(corpus, name)
        except ValueError:
            raise InputError(original, f"cannot make a safe corpus name from {name!r}", "rename the file") from None
        if target.is_file() and target.read_bytes() == data:
            return target, False
        if not target.exists() and create_new(target, data):
            return target, True
        if target.is_file() and target.read_bytes() == data:  # written by a concurrent ingest meanwhile
            return target, False
    raise InputError(original, "too many different notices share this name", "rename the file")


def run(args, io) -> int:
    from rich.rule import Rule
    from .. import api
    from ..batch import write_all
    from ..emit import to_bytes
    from ..errors import InputError
    from ..review import build
    from .render import review

    corpus, out = Path(args.corpus), Path(args.out)
    for folder, opt in ((corpus, "--corpus"), (out, "--out")):
        if folder.exists() and not folder.is_dir():
            raise InputError(folder, "is not a folder", f"{opt} names a folder")
    files = []
    for f in map(Path, args.files):
        if f.is_dir():
            raise InputError(f, "is a folder", "name the notice files, e.g. folder/*.pdf")
        files.append(f)
    first = [(f, api.extract(f)) for f in files]  # every notice read before anything is written

    console = io.console()
    failures = 0
    for n, (f, rules) in enumerate(first):
        target, copied = place(f, rules, corpus)
        shown = target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target
        # compiled from the copy, so the rule set is byte for byte what 'nrc compile corpus' writes
        rel = corpus / target.name
        compiled = api.extract(rel)
        (rules_path, changed), = write_all([(rel, to_bytes(compiled))], out)
        if n:
            console.print(Rule())
        console.print(f"{'copied' if copied else 'already ingested'} {f} → {shown}")
        console.print(f"{'wrote' if changed else 'unchanged'} {rules_path}")
        console.print()
        r = build(compiled)
        review(console, r, strict=args.strict)
        failures += r.strict_failures
    return 1 if args.strict and failures else 0
