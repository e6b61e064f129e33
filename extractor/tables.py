"""tables: rebuild the rows of a table block, however it arrived.

Input: the normalized lines of one table block (every line has `cells`; a
line with no cells is a row break).  Output: rows of Cells.

Three shapes arrive:
- real rows: a line with several cells is one row (Word, PDF, HTML, Markdown);
- one cell per line, rows separated by blank lines (Word tables saved as text:
  the Hefei contact list in the seed corpus);
- one cell per line with no row breaks at all, either row after row
  ("县区名称 医保部门 税务部门 瑶海区 64490236 65973599 …") or column after
  column ("县区名称 瑶海区 庐阳区 … 医保部门 64490236 …").

For the last shape the width and the order are guessed from the cells
themselves: the header row is text, and in every data column the cells are of
one kind (all text, or all numbers/phones).  Among the layouts that fit, the
narrowest (fewest columns) wins; when none fits, the cells stay one row, as
before.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy_re import lazy_compile

if TYPE_CHECKING:  # segment imports this module; Cell is imported lazily below
    from .normalize import Line
    from .segment import Cell

MAX_GUESS_WIDTH = 12
_NUMERIC = lazy_compile(r"^[+\-]?(?:\d[\d,，.]*|\d[\d\- ]{5,}\d)\s*(?:%|‰|元|万元|人|户|个)?$")
_PHONE = lazy_compile(r"^(?:\(?0\d{2,3}\)?[- ]?)?\d{7,8}(?:[-转]\d{1,5})?$|^1[3-9]\d{9}$")


def cell_kind(text: str) -> str:
    """'empty', 'num' (numbers, money, percentages, phone numbers) or 'text'."""
    t = text.strip()
    if not t:
        return "empty"
    if _PHONE.match(t) or _NUMERIC.match(t):
        return "num"
    return "text"


def table_rows(lines: list["Line"]) -> list[list["Cell"]]:
    """Rows of a table block (see the module docstring for the shapes handled)."""
    from .segment import Cell

    rows: list[list[Cell]] = []
    run: list[list[Cell]] = []      # single-cell lines since the last real row, grouped by row breaks
    group: list[Cell] = []

    def close_group() -> None:
        nonlocal group
        if group:
            run.append(group)
            group = []

    def close_run() -> None:
        close_group()
        if run:
            rows.extend(_rebuild(run, rows[-1] if rows else None))
            run.clear()

    for ln in lines:
        cells = ln.cells or []
        if not cells:
            close_group()
        elif len(cells) > 1:
            close_run()
            rows.append([Cell(c, ln.origin, ln.loc) for c in cells])
        else:
            group.append(Cell(cells[0], ln.origin, ln.loc))
    close_run()
    return rows


def _rebuild(groups: list[list["Cell"]], before: list["Cell"] | None) -> list[list["Cell"]]:
    """Rows from single cells: `groups` are the cells between row breaks."""
    if len(groups) > 1 and any(len(g) > 1 for g in groups):
        return groups  # the row breaks are there: one group is one row
    flat = [c for g in groups for c in g]
    if before is not None and len(before) > 1 and len(flat) % len(before) == 0:
        width = len(before)  # cell lines under a real header row
        return [flat[i:i + width] for i in range(0, len(flat), width)]
    layout = guess_layout([c.text for c in flat])
    if layout is None:
        return [flat]
    width, by_column = layout
    if by_column:
        height = len(flat) // width
        return [[flat[col * height + r] for col in range(width)] for r in range(height)]
    return [flat[i:i + width] for i in range(0, len(flat), width)]


def _fits(grid: list[list[str]]) -> bool:
    """Header row all text, at least one numeric data column, every data column of one kind."""
    header, data = grid[0], grid[1:]
    if any(cell_kind(t) != "text" for t in header) or not data:
        return False
    numeric = False
    for col in range(len(header)):
        kinds = {cell_kind(row[col]) for row in data} - {"empty"}
        if len(kinds) > 1:
            return False
        numeric = numeric or kinds == {"num"}
    return numeric


def guess_layout(texts: list[str]) -> tuple[int, bool] | None:
    """(width, by_column) of a flattened table, or None when no layout fits.

    `by_column` is True when the cells come column after column.
    """
    n = len(texts)
    for width in range(2, min(MAX_GUESS_WIDTH, n // 2) + 1):
        if n % width:
            continue
        height = n // width
        if height < 2:
            continue
        rowwise = [texts[i:i + width] for i in range(0, n, width)]
        colwise = [[texts[col * height + r] for col in range(width)] for r in range(height)]
        row_ok, col_ok = _fits(rowwise), _fits(colwise)
        if row_ok and not col_ok:
            return width, False
        if col_ok and not row_ok:
            return width, True
        if row_ok and col_ok:
            # Both read as tables: the row-wise reading of a column-wise list puts
            # header words into data rows, and vice versa.  Trust the header kind.
            return width, _header_like(colwise[0]) and not _header_like(rowwise[0])
    return None


_HEADER_WORDS = lazy_compile(r"(?:名称|部门|单位|电话|号码|类别|类型|标准|项目|金额|序号|姓名|地区|县区|区域|对象|人员|时间|日期|比例|备注|合计)$")


def _header_like(row: list[str]) -> bool:
    return sum(bool(_HEADER_WORDS.search(t.strip())) for t in row) * 2 > len(row)
