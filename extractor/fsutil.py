"""Safe file writing: atomic replace, safe names inside a folder, a lock for batch runs."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def safe_name(stem: str, suffix: str, max_bytes: int = 180) -> str:
    """A file name made from `stem` that cannot leave its folder or be a reserved name.

    The stem is capped at `max_bytes` of UTF-8 (file systems count bytes, and
    a CJK character takes three)."""
    s = _UNSAFE.sub("_", stem).strip(" .")
    s = re.sub(r"\.{2,}", ".", s).lstrip(".")
    while len(s.encode("utf-8")) > max_bytes:
        s = s[:-1]
    s = s.rstrip(" .") or "notice"
    if s.split(".")[0].lower() in _RESERVED:
        s = "_" + s
    return s + suffix


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing anything that would resolve outside folder."""
    target = (folder / name).resolve()
    base = folder.resolve()
    if target.parent != base:
        raise ValueError(f"unsafe output name {name!r}")
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".nrc-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
