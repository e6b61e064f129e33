"""Rendering of the review, the diff table and the check report (the only printing helpers).

Everything goes through a rich Console from `IO.console()`, so colour appears
only on a terminal and NO_COLOR is respected; the structure of the output
(markers such as `*`, `~ + -`, `—`) never depends on colour, so piped text
says the same thing.
"""
from __future__ import annotations

import json

from rich import box
from rich.table import Table
from rich.text import Text

from ..compare import Drift, Table as DiffTable
from ..review import Review

NA = "—"  # a value the notice does not state


# ------------------------------------------------------------------ values
def fmt(value, key: str = "") -> str:
    """A value as short text: numbers as written, lists joined, tiers and targets compact."""
    if value is None:
        return NA
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "、".join(fmt(v) for v in value)
    if isinstance(value, dict):
        if "basis" in value:
            return fmt_tier(value)
        if "rate" in value:
            bound = {"min": "≥", "max": "≤"}.get(value.get("bound") or "", "")
            text = f"{bound}{fmt(value['rate'])}%"
            return text + (f" by {value['by']}" if value.get("by") else "")
        return ", ".join(f"{k} {fmt(v)}" for k, v in value.items() if v is not None)
    return str(value)


def fmt_tier(t: dict) -> str:
    basis, pct, sub, per = t.get("basis"), t.get("percent"), t.get("subsidy"), t.get("personal")
    if basis == "percent":
        text = f"{fmt(pct)}%" + (f" = {fmt(sub)}" if sub is not None else "")
    elif basis == "fixed":
        text = f"fixed {fmt(sub)}"
    else:
        text = basis or "?"
        if sub is not None and basis == "full":
            text += f" {fmt(sub)}"
    if per is not None:
        text += f", pays {fmt(per)}"
    return text


# ------------------------------------------------------------------ review (ingest, show)
def review(console, r: Review, strict: bool = False) -> None:
    n = r.notice
    head = Text()
    head.append(n.get("title") or r.source.get("path") or "(untitled notice)", style="bold")
    if n.get("status") == "draft":
        head.append("  [DRAFT]", style="bold magenta")
    console.print(head)
    region = " ".join(dict.fromkeys(x for x in (r.region.get("province"), r.region.get("name")) if x))
    meta = [("region", (region + (f" ({r.region['level']})" if r.region.get("level") else "")
                        + (f" {r.region['code']}" if r.region.get("code") else "")) if region else NA),
            ("scheme year", fmt(r.scheme_year)),
            ("document", " ".join(x for x in (n.get("doc_number"), n.get("issued_on")) if x) or NA),
            ("issuers", fmt(n.get("issuers") or None)),
            ("source", r.source.get("path") or NA)]
    for label, value in meta:
        console.print(Text.assemble((f"  {label:<12}", "dim"), value))
    console.print()

    t = Table(title=f"Facts ({len(r.facts)})", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
              pad_edge=False, expand=True)
    t.add_column("fact", style="cyan", overflow="fold", width=min(36, max((len(f.pointer) for f in r.facts), default=4)))
    t.add_column("value", overflow="fold", ratio=2, min_width=14)
    t.add_column("line", justify="right", width=4)
    t.add_column("quote", overflow="fold", ratio=5)
    last, section = None, None
    for f in r.facts:
        top = f.pointer.split("/")[1]
        if section is not None and top != section:
            t.add_section()
        section = top
        value = Text(fmt(f.value))
        if f.derived:
            value.append(" (derived)", style="italic yellow")
        if f.year_inferred:
            value.append(" (year inferred)", style="italic yellow")
        if f.quote is None:
            quote, line = Text("no quote", style="yellow"), Text("")
        else:  # a quote repeated from the row above is shown as 〃 (its line number stays)
            quote = Text("〃", style="dim") if f.quote == last else Text(f.quote)
            line = Text(str(f.line) if f.line else "")
        last = f.quote
        t.add_row(f.pointer, value, line, quote)
    if r.facts:
        console.print(t)
    else:
        console.print(Text("No facts found.", style="bold red"))
    if r.missing:
        console.print(Text.assemble(("not found: ", "dim"), ", ".join(r.missing)))
    console.print()

    if r.warnings:
        console.print(Text(f"Warnings ({len(r.warnings)})", style="bold yellow"))
        for w in r.warnings:
            line = Text.assemble(("  ! ", "bold yellow"), (w.get("code", ""), "yellow"), ": ", w.get("message", ""))
            if w.get("pointer"):
                line.append(f"  [{w['pointer']}]", style="dim")
            console.print(line)
    else:
        console.print(Text("Warnings: none", style="green"))
    if r.unexplained:
        u = Table(title=f"Unexplained figures ({len(r.unexplained)}, {len(r.unexplained_money)} money): "
                        "no fact accounts for these", title_justify="left", title_style="bold red",
                  box=box.HEAVY_HEAD, border_style="red", expand=True)
        u.add_column("", width=1, no_wrap=True)
        u.add_column("line", justify="right", width=4)
        u.add_column("kind", width=7)
        u.add_column("figure", overflow="fold", ratio=2)
        u.add_column("quote", overflow="fold", ratio=7)
        for item in r.unexplained:
            money = item.get("kind") == "money"
            style = "bold red" if money else ""
            u.add_row(Text("!" if money else "", style=style), str(item.get("line") or ""), Text(item.get("kind", ""), style=style),
                      Text(item.get("text") or "", style=style), item.get("quote", ""))
        console.print(u)
    else:
        console.print(Text("Unexplained figures: none", style="green"))
    summary = (f"{len(r.facts)} fact(s), {len(r.warnings)} warning(s), "
               f"{len(r.unexplained)} unexplained figure(s) ({len(r.unexplained_money)} money)")
    console.print(Text(summary, style="bold"))
    if strict and r.strict_failures:
        console.print(Text(f"strict: failed ({len(r.warnings)} warning(s), "
                           f"{len(r.unexplained_money)} unexplained money figure(s))", style="bold red"))


# ------------------------------------------------------------------ diff
FACT_MAX = 40   # the fact column fits its longest key up to this; longer keys fold
CELL_MAX = 22   # a value column wider than this wraps
GAP = 3         # padding and rule between columns (box.SIMPLE_HEAD, no edges)


def column_groups(widths: list[int], fact_width: int, width: int) -> list[range]:
    """Split value columns of the given natural widths into consecutive groups that fit `width` cells."""
    groups, start, used = [], 0, fact_width
    for i, w in enumerate(widths):
        need = min(w, CELL_MAX) + GAP
        if i > start and used + need > width:
            groups.append(range(start, i))
            start, used = i, fact_width
        used += need
    groups.append(range(start, len(widths)))
    return groups


def wrap_key(key: str, width: int) -> str:
    """A fact key broken after '.' or ']' (not inside words) into lines of at most `width` cells."""
    import re
    from rich.cells import cell_len
    lines, line = [], ""
    for part in re.findall(r"[^.\]]*(?:[.\]]|$)", key):
        if not part:
            continue
        if line and cell_len(line) + cell_len(part) > width:
            lines.append(line)
            line = "  "
        line += part
    lines.append(line)
    return "\n".join(lines)


def diff_text(console, table: DiffTable, width: int) -> None:
    from rich.cells import cell_len
    mode = "versions of one region" if table.mode == "versions" else "regions"
    differing = sum(r.differs for r in table.rows)
    console.print(Text(f"{len(table.columns)} rule sets ({mode}); {differing} of {len(table.rows) + table.hidden} fact row(s) differ",
                       style="bold"))
    fact_width = min(FACT_MAX, max([cell_len(r.key) + 2 for r in table.rows] + [6]), max(24, width * 2 // 5))
    widths = [max([cell_len(c.label)] + [cell_len(fmt(r.values[i])) for r in table.rows])
              for i, c in enumerate(table.columns)]
    groups = column_groups(widths, fact_width + 1, width)
    for group in groups:
        t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        if len(groups) > 1:
            t.title = f"columns {group.start + 1}–{group.stop} of {len(table.columns)}"
            t.title_justify = "left"
        t.add_column("fact", style="cyan", width=fact_width, overflow="fold")
        for i in group:
            t.add_column(table.columns[i].label, overflow="fold", min_width=min(widths[i], 6), max_width=CELL_MAX)
        for row in table.rows:
            key = Text("* " if row.differs else "  ", style="bold yellow")
            key.append(wrap_key(row.key, fact_width - 2).replace("\n", "\n  "), style="bold" if row.differs else "")
            cells = []
            for i in group:
                v = row.values[i]
                style = "bold yellow" if row.marked[i] else ("dim" if v is None else "")
                cells.append(Text(fmt(v), style=style))
            t.add_row(key, *cells)
        console.print(t)
    console.print(Text(f"* differs; {NA} not stated", style="dim"))


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def diff_markdown(table: DiffTable) -> str:
    mode = "versions of one region" if table.mode == "versions" else "regions"
    differing = sum(r.differs for r in table.rows)
    lines = [f"**nrc diff**: {len(table.columns)} rule sets ({mode}); {differing} of {len(table.rows) + table.hidden} fact row(s) differ",
             "",
             "| fact | " + " | ".join(_md(c.label) for c in table.columns) + " |",
             "|---|" + "---|" * len(table.columns)]
    for row in table.rows:
        key = f"**{_md(row.key)}**" if row.differs else _md(row.key)
        cells = [f"**{_md(fmt(v))}**" if m else _md(fmt(v)) for v, m in zip(row.values, row.marked)]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += ["", f"**bold**: differs; {NA}: not stated. Columns: "
              + "; ".join(f"{_md(c.label)} = `{_md(c.path)}`" for c in table.columns)]
    return "\n".join(lines) + "\n"


def diff_json(table: DiffTable) -> str:
    return json.dumps(table.as_json(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


# ------------------------------------------------------------------ check
def drift_report(console, notice: str, rules_path: str, d: Drift) -> None:
    """Per notice: facts changed (~), added (+), removed (-), with the quote; one line each, never wrapped."""
    console = NoWrap(console)
    console.print(Text.assemble((notice, "bold"), f" → {rules_path}: ", ("drift", "bold red")))
    last_quote = None
    for c in d.changes:
        sign, style = {"changed": ("~", "yellow"), "added": ("+", "green"), "removed": ("-", "red")}[c.kind]
        line = Text.assemble((f"  {sign} ", style), (c.pointer, "cyan"), ": ")
        if c.kind == "changed":
            line.append(fmt(c.old), style="red")
            line.append(" → ")
            line.append(fmt(c.new), style="green")
        else:
            line.append(fmt(c.new if c.kind == "added" else c.old), style=style)
        console.print(line)
        if c.quote and c.quote != last_quote:
            console.print(Text(f"      line {c.line}: {c.quote}" if c.line else f"      {c.quote}", style="dim"))
        last_quote = c.quote or last_quote
    if d.evidence:
        parts = []
        for p, old, new in d.evidence:
            if old and new:
                parts.append(f"{p} line {old.get('line')}→{new.get('line')}" if old.get("line") != new.get("line")
                             else f"{p} quote")
            else:
                parts.append(f"{p} {'added' if new else 'removed'}")
        console.print(Text(f"  evidence only ({len(d.evidence)}): " + ", ".join(parts), style="dim"))
    if d.formatting:
        console.print(Text("  file bytes differ, facts and evidence do not (formatting only)", style="dim"))


class NoWrap:
    """A console whose lines are never wrapped (CI logs keep one fact a line)."""

    def __init__(self, console):
        self._console = console._console if isinstance(console, NoWrap) else console

    def print(self, *objects, **kw):
        self._console.print(*objects, soft_wrap=True, **kw)
