"""Batch compilation: many notices in, one rule set file each, written atomically under a lock."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from . import api
from .emit import to_bytes
from .errors import InputError
from .fsutil import atomic_write, inside


def _one(path: str) -> tuple[str, bytes]:
    return path, to_bytes(api.extract(path))


def compile_all(paths: list[str], jobs: int = 1, progress=None) -> list[tuple[Path, bytes]]:
    """Compile every notice under `paths`; raise InputError on the first bad one (in input order)."""
    files = [str(p) for p in api.notice_files(paths)]
    results: dict[str, bytes] = {}
    task = None
    if progress is not None:
        progress.start()
        task = progress.add_task("compiling", total=len(files))
    try:
        if jobs > 1 and len(files) > 1:
            from concurrent.futures import ProcessPoolExecutor
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for path, data in pool.map(_one, files, chunksize=4):
                    results[path] = data
                    if task is not None:
                        progress.advance(task)
        else:
            for path in files:
                results[path] = _one(path)[1]
                if task is not None:
                    progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
    return [(Path(p), results[p]) for p in files]


@contextmanager
def locked(folder: Path):
    """An exclusive lock on `folder` for the length of a batch write (POSIX flock)."""
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / ".nrc.lock"
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - non-POSIX: write-then-rename still keeps files whole
            pass
        yield
    finally:
        os.close(fd)


def write_all(results: list[tuple[Path, bytes]], out_dir: Path) -> list[tuple[Path, bool]]:
    """Write each rule set to out_dir/<notice stem>.json; return (path, changed)."""
    names: dict[str, Path] = {}
    for notice, _ in results:
        name = api.rules_name(notice)
        if name in names and names[name] != notice:
            raise InputError(notice, f"its rule set name {name} clashes with {names[name]}", "rename one of the notices")
        names[name] = notice
    written = []
    with locked(out_dir):
        for notice, data in results:
            target = inside(out_dir, api.rules_name(notice))
            changed = not (target.exists() and target.read_bytes() == data)
            if changed:
                atomic_write(target, data)
            written.append((target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target, changed))
    return written
