"""The front door: notice in, rule set (a dict in format nrc.rules/1) out.

    from extractor import api
    rules = api.extract("corpus/anhui-wuhe_2024.txt")
    rules = api.extract_text("2024年居民医保筹资标准为每人1070元……")

Nothing here prints; errors are raised as extractor.errors.InputError.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import InputError
from .load import SUFFIXES, Source, load

NOTICE_SUFFIXES = tuple(SUFFIXES)


def extract_source(src: Source) -> dict:
    """Run normalize -> segment -> parse -> transform -> check on a loaded source."""
    if not _PIPELINE:  # imported on first use: commands that extract nothing stay light
        from .pipeline import run
        _PIPELINE.append(run)
    return _PIPELINE[0](src)


_PIPELINE: list = []


def extract(path: str | Path) -> dict:
    return extract_source(load(path))


def extract_text(text: str, name: str = "<text>") -> dict:
    data = text.encode("utf-8", "surrogatepass")  # lone surrogates are dropped by normalize; the digest still sees them
    lines = text.replace("\r\n", "\n").split("\n")
    src = Source(name, hashlib.sha256(data).hexdigest(), "text/plain", lines, "utf-8")
    return extract_source(src)


def notice_files(paths: list[str | Path]) -> list[Path]:
    """The notice files named by `paths`, folders walked (sorted), hidden files skipped."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            items = sorted(x for x in p.rglob("*")
                           if x.is_file() and x.suffix.lower() in NOTICE_SUFFIXES
                           and not any(part.startswith(".") for part in x.relative_to(p).parts))
            if not items:
                raise InputError(p, "folder has no notices", "nrc reads .txt .md .html .htm .docx .pdf")
            found.extend(items)
        elif p.exists():
            found.append(p)
        else:
            raise InputError(p, "no such file or folder", "check the path")
    return found


def rules_name(notice: Path) -> str:
    """compiled_rules/ file name for a notice: its stem, with .json."""
    from .fsutil import safe_name
    return safe_name(notice.stem, ".json")
