"""Plain text (and Markdown) notices: decode the bytes, split into lines.

UTF-8 (with or without BOM) is tried first; otherwise charset-normalizer
detects the encoding, and only Chinese-capable results (GB18030 family,
Big5, UTF-16) are accepted, so binary junk is refused instead of decoded
into nonsense.
"""
from __future__ import annotations

from ..errors import InputError
from .. import limits

_ACCEPTED = ("gb18030", "gbk", "gb2312", "big5", "utf_16", "utf_16_le", "utf_16_be", "hz")


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(shown, f"starts with a UTF-8 BOM but has invalid bytes at offset {exc.start + 3}") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(shown, "binary data, not a text notice", "give a .txt, .docx, .pdf or .html notice")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 decodes most byte soups; require it to be strict and mostly CJK text.
    for enc in ("gb18030",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    from charset_normalizer import from_bytes  # only on the non-UTF-8 path

    best = from_bytes(data).best()
    if best is not None and best.encoding.lower().replace("-", "_") in _ACCEPTED:
        text = str(best)
        if _plausible(text):
            return text, best.encoding
    raise InputError(shown, "cannot decode the text (not UTF-8 or GB18030/GBK)",
                     "save the notice as UTF-8")


def _plausible(text: str) -> bool:
    """Most characters are CJK, ASCII printable or whitespace: a real text, not decoded noise."""
    if not text:
        return False
    sample = text[:20000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return good / len(sample) > 0.97 and cjk >= 2


def load_text(data: bytes, shown: str, markdown: bool = False):
    text, encoding = decode(data, shown)
    if len(text) > limits.MAX_TEXT_CHARS:
        from ..errors import LimitError
        raise LimitError(shown, f"text has {len(text)} characters, over the limit of {limits.MAX_TEXT_CHARS}")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if markdown:
        from .markdown import markdown_lines
        lines = markdown_lines(lines)
    return lines, encoding, None, {}
