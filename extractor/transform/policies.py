"""policies: waiting_periods and incentives, where a notice states them.

Each clause is parsed with grammar/policy.lark into figures and the words
leading to each; the words decide the field:
  fixed_months (固定待遇等待期 3个月), per_lapsed_year_months (每多断保1年 … 增加1个月),
  repair_months_per_year (每多缴纳1年可减少1个月), min_months_after_repair (修复后…不少于6个月),
  incentives: continuous (连续参保满4年) and zero-claim (零报销), raise_min (不低于1000元),
  cap_ratio (不超过原封顶线的20%).  `from` is the 自2025年起 of the sentence.
"""
from __future__ import annotations

import datetime as dt

from lark import Transformer

from ..lexicon import TOK_TYPE, token_search
from ..parse import parse
from .base import clauses, evidence, sentence_tokens, use

_TRIGGERS = {"WAIT_FIXED", "WAIT_VAR", "WAIT", "CONTINUOUS", "ZERO_CLAIM"}


def _mentions_trigger():
    """The search for a word of _TRIGGERS (lexicon.token_search: every word the lexer reads so)."""
    return token_search(*sorted(_TRIGGERS))


# the figures a fact is made of: a clause with none of them (a DATE or YEAR at most) gives nothing
_FIGURES = frozenset({"COUNT", "MONEY", "PERCENT"})
# their kinds among a sentence's figures (a figure's token type is its kind in capitals)
_FIGURE_KINDS = frozenset(f.lower() for f in _FIGURES)


class PolicyTransformer(Transformer):
    """Each method takes the list of its rule's children: without a v_args wrapper lark calls it
    directly (one Python call per reduce, not three; the parse reduces once per word)."""

    def word(self, children):
        return children[0].value

    def words(self, children):
        return list(children)

    def figure(self, children):
        return children[0].value

    def item(self, parts):
        words = parts[0] if len(parts) == 2 else []
        return (words, parts[-1])

    def start(self, items):
        return [i for i in items if isinstance(i, tuple)]


_T = PolicyTransformer()


def _from(toks) -> tuple[str | None, object]:
    """自2025年起 in a sentence: the date rules start from (not the start of a range 自…至…)."""
    for i, t in enumerate(toks):
        if t.type == "FROM" and i + 1 < len(toks) and toks[i + 1].type == "DATE" \
                and not (i + 2 < len(toks) and toks[i + 2].type == "TO"):
            d = toks[i + 1].value.value
            if d.year:
                return dt.date(d.year, d.month or 1, d.day or 1).isoformat(), toks[i + 1]
    return None, None


def apply(doc, rs) -> None:
    wait: dict = {}
    wait_ev: dict = {}
    incentives: dict[str, dict] = {}
    inc_ev: dict[str, dict] = {}
    last_from = (None, None, None)
    mentions_trigger = _mentions_trigger()
    names_from = token_search("FROM")  # 自, 从: particles, which token_search finds too
    for sent in doc.sentences:
        # Only a sentence with a date and a FROM word can say 自…起 (a FROM before a DATE token),
        # and only one with a figure of _FIGURES and a trigger word gives a fact (its other clauses
        # are not parsed); the figure tokens come from the sentence's figures alone, whose kinds
        # are sent.kinds.  A sentence with neither changes nothing, and most sentences hold no
        # figure: they are passed over by set tests before any word is searched for in their text.
        kinds = sent.kinds
        if (_FIGURE_KINDS.isdisjoint(kinds) or not mentions_trigger(sent.text)) \
                and ("date" not in kinds or not names_from(sent.text)):
            continue
        toks = sentence_tokens(sent)
        types = set(map(TOK_TYPE, toks))
        since, since_tok = _from(toks) if "FROM" in types else (None, None)
        if since:
            last_from = (since, since_tok, sent)
        if not types & _TRIGGERS:
            continue
        lapse = "LAPSE" in types
        kind = "zero_claim" if "ZERO_CLAIM" in types else ("continuous" if "CONTINUOUS" in types else None)
        for clause in clauses(toks):
            if _FIGURES.isdisjoint(map(TOK_TYPE, clause)):
                continue  # nothing to parse for
            found = parse("policy", clause, using=_T)
            if found is None:
                continue
            ctypes = set(map(TOK_TYPE, clause))
            for words, fig in found:
                kinds = {w.type for w in words}
                key = None
                if fig.type == "COUNT" and fig.value.unit == "个月":
                    if "SUM_AFTER" in kinds or (fig.value.bound == "min" and "WAIT_FIXED" not in kinds):
                        key = "min_months_after_repair"
                    elif "REDUCE" in kinds:
                        key = "repair_months_per_year"
                    elif "ADD" in kinds and lapse:
                        key = "per_lapsed_year_months"
                    elif "WAIT_FIXED" in (kinds | ctypes) or ("WAIT" in (kinds | ctypes) and not lapse):
                        key = "fixed_months"  # 固定待遇等待期3个月 / 设置3个月待遇等待期
                    if key and key not in wait:
                        wait[key] = fig.value.value
                        wait_ev[key] = evidence(sent, fig.start)
                        use(rs, sent, fig)
                        if since or last_from[0]:
                            wait.setdefault("from", since or last_from[0])
                            wait_ev.setdefault("from", evidence(sent if since else last_from[2],
                                                                (since_tok or last_from[1]).start))
                elif kind and fig.type in ("COUNT", "MONEY", "PERCENT"):
                    _incentive(rs, sent, fig, kinds, kind, incentives, inc_ev, since or last_from[0])
    if wait:
        rs.put("/waiting_periods", {k: wait.get(k) for k in ("fixed_months", "per_lapsed_year_months",
                                                            "repair_months_per_year", "min_months_after_repair", "from")}, None)
        for k, ev in wait_ev.items():
            rs.put(f"/waiting_periods/{k}", wait[k], ev)
    for kind, item in incentives.items():
        rs.append("/incentives", {"kind": kind, **{k: item.get(k) for k in ("after_years", "raise_min", "cap_ratio", "from")}},
                  inc_ev[kind])


def _incentive(rs, sent, fig, kinds, kind, incentives, inc_ev, since):
    text = sent.text
    names = [k for k, word in (("continuous", "连续参保"), ("zero_claim", "零报销")) if word in text] or [kind]
    for name in names:
        item = incentives.setdefault(name, {"from": since})
        evs = inc_ev.setdefault(name, {"": evidence(sent)})
        if fig.type == "COUNT" and fig.value.unit == "年" and "CONTINUOUS" in kinds and name == "continuous":
            field = "after_years"
        elif fig.type == "MONEY" and "RAISE" in kinds | {"RAISE"}:
            field = "raise_min"
        elif fig.type == "PERCENT" and ("CAP" in kinds or fig.value.bound == "max"):
            field = "cap_ratio"
        else:
            continue
        if item.get(field) is None:
            item[field] = fig.value.value
            evs[field] = evidence(sent, fig.start)
            use(rs, sent, fig)
