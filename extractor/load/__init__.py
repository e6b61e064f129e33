"""load: turn an input file into lines of text, whatever its format.

Every loader returns a `Source`: the raw bytes' digest, the media type, the
encoding (for text formats) and the text as `lines`.  Tables arrive as lines
whose cells are joined by TAB and which start with a TAB (`\\t瑶海区\\t64490236`),
so the rest of the pipeline sees one table form, whichever format it came from.
`locs[i]`, when not None, names where line i can be found by a person
(`page 3`, `paragraph 12`, `table 1 row 2`); otherwise the line number is enough.

Heavy libraries (python-docx, pdfplumber) are imported only inside the loader
that needs them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, LimitError
from .. import limits

SUFFIXES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


@dataclass
class Source:
    path: str                    # as given by the user (relative where it was relative)
    sha256: str
    media_type: str
    lines: list[str]
    encoding: str | None = None
    locs: list[str | None] | None = None
    hints: dict = field(default_factory=dict)  # metadata hints, e.g. {"title": ..., "issued_on": ...}


def read_bytes(path: Path, shown: str) -> bytes:
    if not path.exists():
        raise InputError(shown, "no such file", "check the path")
    if path.is_dir():
        raise InputError(shown, "is a folder, expected a notice file")
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise LimitError(shown, f"file is {size} bytes, over the limit of {limits.MAX_FILE_BYTES}",
                             "split the notice or raise nrc's MAX_FILE_BYTES")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(shown, f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise InputError(shown, "file is empty (0 bytes)")
    return data


def load(path: str | Path) -> Source:
    """Load one notice file; raise InputError for anything that is not a readable notice."""
    shown = str(path)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(shown, f"unsupported file type {suffix or '(none)'!r}",
                         "nrc reads .txt .md .html .htm .docx .pdf")
    data = read_bytes(p, shown)
    digest = hashlib.sha256(data).hexdigest()
    media_type = SUFFIXES[suffix]
    if suffix in (".txt", ".md"):
        from .text import load_text
        lines, encoding, locs, hints = load_text(data, shown, markdown=suffix == ".md")
    elif suffix in (".html", ".htm"):
        from .html import load_html
        lines, encoding, locs, hints = load_html(data, shown)
    elif suffix == ".docx":
        from .docx import load_docx
        lines, encoding, locs, hints = load_docx(data, shown)
    else:
        from .pdf import load_pdf
        lines, encoding, locs, hints = load_pdf(data, shown)
    if not any(line.strip() for line in lines):
        raise InputError(shown, "no text found in the file")
    chars = sum(map(len, lines))
    if chars > limits.MAX_TEXT_CHARS:  # .docx and .pdf too, whose text is known only now
        raise LimitError(shown, f"text has {chars} characters, over the limit of {limits.MAX_TEXT_CHARS}",
                         "split the notice or raise nrc's MAX_TEXT_CHARS")
    return Source(shown, digest, media_type, lines, encoding, locs, hints)
