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


def _write_temp(folder: Path, data: bytes) -> str:
    """A temporary file in `folder` holding `data`, flushed to disk."""
    fd, tmp = tempfile.mkstemp(prefix=".nrc-", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return tmp


def create_new(target: Path, data: bytes) -> bool:
    """Write `data` to a new file `target`, whole or not at all; False if the name is taken."""
    tmp = _write_temp(target.parent, data)
    try:
        os.link(tmp, target)  # unlike rename, a link never replaces an existing file
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(tmp)


def atomic_write(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        tmp = _write_temp(path.parent, data)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def write_quietly(path: Path, data: bytes) -> bool:
    """atomic_write for a cache file: False, and nothing written, where it cannot be written
    (a read-only or full temporary folder), instead of an error."""
    try:
        atomic_write(path, data)
        return True
    except OSError:
        return False


def read_own(path: Path) -> bytes:
    """The bytes of a cache file, refusing (OSError) one that another user owns: a shared
    temporary folder is writable by all, and a cache is trusted to hold what nrc wrote."""
    with open(path, "rb") as fh:
        getuid = getattr(os, "getuid", None)  # POSIX only
        if getuid is not None and os.fstat(fh.fileno()).st_uid != getuid():
            raise PermissionError(f"{path}: owned by another user")
        return fh.read()
