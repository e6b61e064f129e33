"""Every error nrc raises derives from NrcError.

InputError is what a user sees: one line, `nrc: <file>: <what is wrong>`,
plus a hint, and exit status 2.  Nothing else should escape the pipeline.
"""
from __future__ import annotations


class NrcError(Exception):
    """Root of the project's own errors."""


class InputError(NrcError):
    """The input cannot be compiled: missing, empty, binary, undecodable, too large..."""

    def __init__(self, path: object, message: str, hint: str | None = None):
        super().__init__(message)
        self.path = str(path)
        self.message = message
        self.hint = hint

    def line(self) -> str:
        text = f"nrc: {self.path}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class LimitError(InputError):
    """The input exceeds a documented limit (size, pages, table cells)."""


class GrammarError(NrcError):
    """A grammar or vocabulary data file is broken (a bug in nrc's data, not in the input)."""

