"""Times: tense and aspect, time prepositions, time expressions, added years, dropped
deadlines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from copydesk.lexicon import classes
from copydesk.lexicon.reporting import is_reporting_verb
from copydesk.nlp.annotate import Annotated, Token
from copydesk.nlp.edits import TokenEdit
from copydesk.source.words.edit import Judgement, Pair, joined_text, quoted

#: Most words a time expression after a preposition runs to ("the end of the next quarter").
TIME_OBJECT_MAX = 8


def tense(pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]) -> list[Judgement]:
    """A past or modal perfect added or dropped: the event moves in time."""
    ps = _perfects(pair.source_tokens, *edit.source)
    pa = _perfects(pair.article_tokens, *edit.article)
    if bool(ps) == bool(pa):
        return []
    if pa:
        verb = _verb_group(pair.article_tokens, pa[0])
        if _reported(pair.article, verb[-1]):
            return []  # "a spokesperson said the hospital had not paid": reported speech
        was = _main_verb(pair.source_tokens, edit.source[0])
        return [
            Judgement(
                "source.tense_changed",
                f"{quoted(verb)} puts earlier what the source has as "
                f"{quoted([was]) if was else 'current'}.",
                tuple(verb),
                (was,) if was else tuple(s),
            )
        ]
    verb_s = _verb_group(pair.source_tokens, ps[0])
    now = _main_verb(pair.article_tokens, edit.article[0])
    if now is None:
        return []
    return [
        Judgement(
            "source.tense_changed",
            f"{quoted([now])} presents as current what the source reports as earlier ({quoted(verb_s)}).",
            (now,),
            tuple(verb_s),
            suggestion=joined_text(verb_s),
        )
    ]


def _reported(doc: Annotated, verb: Token) -> bool:
    """Whether ``verb`` is said in a clause under a past reporting verb, where English moves
    the tense back ("said it had not paid" for "did not pay")."""
    head = doc.tokens[verb.head]
    return (
        verb.dep in ("ccomp", "advcl", "parataxis")
        and head.tag == "VBD"
        and is_reporting_verb(head.lemma)
    )


def _verb_group(tokens: Sequence[Token], aux: Token) -> list[Token]:
    """The auxiliary and the words up to its main verb ("had previously told")."""
    k = tokens.index(aux)
    group = [aux]
    for t in tokens[k + 1 : k + 4]:
        group.append(t)
        if t.pos == "VERB":
            return group
    return [aux]


def _main_verb(tokens: Sequence[Token], at: int) -> Token | None:
    for t in tokens[at : at + 4]:
        if t.pos == "VERB":
            return t
    return None


def _perfects(tokens: Sequence[Token], lo: int, hi: int) -> list[Token]:
    """Past perfect ("had told") and modal perfect ("would have preempted") auxiliaries among
    ``tokens[lo:hi]``; a present perfect ("has condemned") reports the same past event as a
    simple past does."""
    out = []
    for k in range(lo, hi):
        t = tokens[k]
        if t.lemma.lower() != "have" or t.pos != "AUX":
            continue
        if t.text.lower() in ("had", "'d") or (k and tokens[k - 1].tag == "MD"):
            out.append(t)
    return out


def is_time(t: Token) -> bool:
    low = t.text.lower()
    return (
        t.ent_type in ("DATE", "TIME")
        or low in classes.MONTHS
        or low in classes.WEEKDAYS
        or bool(re.fullmatch(r"(1[89]|20)\d\d", low))
    )


def _time_object(tokens: Sequence[Token], at: int) -> list[Token]:
    """The time a preposition at ``at`` governs: its date or time expression, whole."""
    out: list[Token] = []
    for t in tokens[at : at + TIME_OBJECT_MAX]:
        if is_time(t) or (out and t.like_num):
            out.append(t)
        elif t.pos == "DET" and not out:
            continue
        else:
            break
    return out


def time_shift(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A time preposition swapped ("in March" -> "since March") before a time."""
    ps = [t for t in s if t.pos == "ADP" and t.text.lower() in classes.TIME_PREPOSITIONS]
    pa = [t for t in a if t.pos == "ADP" and t.text.lower() in classes.TIME_PREPOSITIONS]
    if len(s) != 1 or len(a) != 1 or not ps or not pa:
        return []  # only a preposition swapped alone: with its verb it is a rewording
    if classes.time_sense(ps[0].text) == classes.time_sense(pa[0].text):
        return []
    head = pair.source.tokens[ps[0].head].lemma
    if head not in {t.lemma for t in pair.article_tokens}:
        return []  # another verb takes another preposition ("built in" -> "dates from")
    obj_s = _time_object(pair.source_tokens, edit.source[1])
    obj_a = _time_object(pair.article_tokens, edit.article[1])
    if not obj_s or not obj_a:
        return []
    return [
        Judgement(
            "source.time_changed",
            f"{quoted([pa[0], *obj_a])} moves the time the source gives as {quoted([ps[0], *obj_s])}.",
            (pa[0], *obj_a),
            (ps[0], *obj_s),
            suggestion=ps[0].text,
        )
    ]


def dated(pair: Pair, edit: TokenEdit, a: Sequence[Token]) -> list[Judgement]:
    """A year or date the source does not give."""
    years = [t for t in a if re.fullmatch(r"(1[89]|20)\d\d", t.text)]
    source_text = pair.source.text
    new = [t for t in years if t.text not in source_text]
    if not new:
        return []
    at = [*pair.article_tokens[max(edit.article[0] - 2, 0) : edit.article[0]], *a]
    k = at.index(new[0])
    near = [t for t in at[max(k - 2, 0) : k] if is_time(t)]
    return [
        Judgement(
            "source.date_added",
            f"The article dates this {quoted([*near, new[0]])}; the source gives no such year, so "
            "the date is unsupported.",
            (*near, new[0]),
            (),
        )
    ]


def _deadline(tokens: Sequence[Token]) -> list[Token] | None:
    """A deadline among ``tokens``: "by then", "by Friday", "until March"."""
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.text.lower() in classes.DEADLINE_WORDS and (
            nxt.text.lower() == "then" or is_time(nxt)
        ):
            return [t, nxt]
    return None


def dropped_deadline(
    s: Sequence[Token], a: Sequence[Token], at: Sequence[Token]
) -> list[Judgement]:
    """The source's deadline in ``s``, which its replacement ``a`` does not keep; the
    finding points at ``at``."""
    deadline = _deadline(s)
    if deadline is None or deadline[1].text.lower() in {t.text.lower() for t in a}:
        return []
    return [
        Judgement(
            "source.fact_dropped",
            f"The article drops the deadline {quoted(deadline)} that the source gives ({quoted(s)}).",
            tuple(at),
            tuple(s),
            suggestion=joined_text(s),
        )
    ]


def deleted(pair: Pair, edit: TokenEdit, s: Sequence[Token]) -> list[Judgement]:
    """A deadline the source gives, dropped: pointed at the words around the gap."""
    at = pair.article_tokens[max(edit.article[0] - 1, 0) : edit.article[0] + 1]
    return dropped_deadline(s, (), at)


def time_references(pair: Pair) -> list[Judgement]:
    """A time expression the article words as another time ("the last quarter of next year"
    -> "the end of the next quarter"): the source's and the article's time expressions are
    paired in order, and a pair whose time words differ is a changed time, unless one adds
    detail to the other ("January" -> "January 2023", which `dated` reads) or names the
    day the other calls "yesterday" or "today" (a republisher puts "on Wednesday")."""
    s_times, a_times = _time_expressions(pair.source_tokens), _time_expressions(pair.article_tokens)
    s_left = [t for t in s_times if not any(_time_key(t) == _time_key(u) for u in a_times)]
    a_left = [t for t in a_times if not any(_time_key(t) == _time_key(u) for u in s_times)]
    out = []
    for st, at in zip(s_left, a_left, strict=False):
        ks, ka = _time_key(st), _time_key(at)
        if not ks or not ka or ks <= ka or ka <= ks or _day_named(ks, ka) or _day_named(ka, ks):
            continue
        if not _dimensions(ks) & _dimensions(ka):
            continue  # "on Thursday" put as "this week": less precise, not another time
        out.append(
            Judgement(
                "source.time_changed",
                f"{quoted(at)} gives another time than the source's {quoted(st)}.",
                tuple(at),
                tuple(st),
                suggestion=joined_text(st),
            )
        )
    return out


def _time_expressions(tokens: Sequence[Token]) -> list[list[Token]]:
    """Runs of DATE and TIME entity tokens, with the words of time inside them."""
    runs: list[list[Token]] = []
    for t in tokens:
        if t.ent_type in ("DATE", "TIME"):
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _time_key(tokens: Sequence[Token]) -> frozenset[str]:
    """The words that fix a time expression, folded: "Jan. 29th" and "January 29" are one."""
    out = set()
    for t in tokens:
        low = t.text.lower().rstrip(".")
        low = classes.MONTH_NAMES.get(low, low)
        if t.like_num:
            out.add(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", low))
        elif low in classes.TIME_WORDS:
            out.add(low)
    return frozenset(out)


def _dimensions(key: frozenset[str]) -> set[str]:
    """Which kinds of time a key names: weekdays, months, numbers, quarters, weeks ..."""
    dims = set()
    for w in key:
        if w in classes.WEEKDAYS:
            dims.add("weekday")
        elif w in classes.MONTHS:
            dims.add("month")
        elif w.isdigit():
            dims.add("number")
        elif w in classes.TIME_UNITS:
            dims.add(w.rstrip("s"))
    return dims


def _day_named(relative: frozenset[str], named: frozenset[str]) -> bool:
    """ "yesterday" put as "on Wednesday": the day named, which only the dates can check."""
    return bool(relative & classes.RELATIVE_DAYS) and bool(named) and named <= classes.WEEKDAYS
