"""Documented input limits (see docs/limits.md).  Each has its own error."""

MAX_FILE_BYTES = 20 * 1024 * 1024       # any input file
MAX_TEXT_CHARS = 500_000                # decoded text of one notice (real ones are under 50,000)
MAX_LINE_CHARS = 200_000                # one line; longer lines are cut for parsing
MAX_PDF_PAGES = 300
MAX_TABLE_CELLS = 50_000
MAX_ZIP_MEMBER_BYTES = 64 * 1024 * 1024  # uncompressed size of one docx part
MAX_ZIP_RATIO = 200                     # uncompressed / compressed, per docx part
