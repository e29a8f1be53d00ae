"""What both census engines do alike: a family's plan (its original and each member's
relation to it), each copy's compare with its original, and the record written for a
family. The engines differ only in how documents are read, paired and joined.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from copydesk.corpus.kinship import Member, choose_original, relation, text_of
from copydesk.model import Severity
from copydesk.read.article import Article

#: The copy's relation when it is joined to the original only through other copies.
LINKED = "linked"

#: Copies shown for each site on the census page, worst first.
WORST_SHOWN = 3


#: The site of a document with neither a web address nor an outlet.
NO_SITE = "(no site)"


def site_of(article: Article) -> str:
    """The site a document was published on: its web host, else its outlet's name."""
    host = (urlsplit(article.url).hostname or "") if article.url else ""
    return host.removeprefix("www.") or article.outlet or NO_SITE


def doc_key(article: Article) -> str:
    """The key of a document in a census: where it was read from."""
    return article.origin or article.url or f"doc:{article.doc_id}"


def family_id(keys: Iterable[str]) -> str:
    """A family's name, the same whichever engine found it: a digest of its members' keys."""
    digest = hashlib.sha1("\n".join(sorted(keys)).encode("utf-8")).hexdigest()
    return "family-" + digest[:12]


@dataclass(frozen=True, slots=True)
class Doc:
    """What the census outputs say of a document (its text stays in the crawl)."""

    key: str
    site: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None

    @classmethod
    def of(cls, article: Article) -> Doc:
        return cls(
            doc_key(article),
            site_of(article),
            article.outlet,
            article.url,
            article.title,
            article.published,
        )


@dataclass(frozen=True, slots=True)
class Plan:
    """A family before its compares: its members, its original (None when the evidence is
    thin), why, and each member's relation to the original."""

    family: str
    members: tuple[Doc, ...]
    original: str | None
    reason: str
    relations: Mapping[str, str]  # key -> relation to the original ("verbatim", ...)
    scores: Mapping[str, float]  # key -> rewording score, where measured

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Plan:
        raw = json.loads(line)
        raw["members"] = tuple(Doc(**m) for m in raw["members"])
        return cls(**raw)


def plan_family(articles: Sequence[Article], scores: Mapping[str, float] | None) -> Plan:
    """The plan of one family. ``scores`` (by key): the members' rewording scores, given when
    some verified pair of the family is a rewording, so that they take part in choosing the
    original."""
    ordered = sorted(articles, key=doc_key)
    texts = [text_of(a) for a in ordered]
    scores = dict(scores or {})
    members = [Member(a, t, scores.get(doc_key(a))) for a, t in zip(ordered, texts, strict=True)]
    chosen = choose_original(members)
    relations: dict[str, str] = {}
    original = None
    if chosen.index is not None:
        original = doc_key(ordered[chosen.index])
        top = texts[chosen.index]
        for a, t in zip(ordered, texts, strict=True):
            if doc_key(a) != original:
                relations[doc_key(a)] = relation(t, top) or LINKED
    return Plan(
        family_id(doc_key(a) for a in ordered),
        tuple(Doc.of(a) for a in ordered),
        original,
        chosen.reason,
        relations,
        scores,
    )


@dataclass(frozen=True, slots=True)
class Compared:
    """One copy compared with its family's original."""

    family: str
    key: str
    rewording_score: float | None = None
    changes: dict[str, int] = field(default_factory=dict)  # meaning changes (major) by kind
    report: dict[str, Any] | None = None  # the slim JSON report of the compare
    redline: str | None = None  # the redline page's file name, under the output folder
    failure: str | None = None  # why the compare failed, in one sentence

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Compared:
        return cls(**json.loads(line))


def meaning_changes(findings: Iterable[Any]) -> dict[str, int]:
    """Major findings of a comparison with the original, counted by kind."""
    counts = Counter(f.kind for f in findings if f.severity is Severity.MAJOR)
    return dict(sorted(counts.items()))


def redline_name(family: str, key: str) -> str:
    """The redline page of a copy, relative to the output folder."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return f"redlines/{family}-{digest}.html"


def family_record(plan: Plan, compared: Mapping[str, Compared]) -> dict[str, Any]:
    """A family as one line of families.jsonl."""
    documents = []
    for doc in plan.members:
        done = compared.get(doc.key)
        role = "original" if doc.key == plan.original else "copy" if plan.original else "member"
        documents.append(
            {
                **asdict(doc),
                "role": role,
                "relation": plan.relations.get(doc.key),
                "rewording_score": (
                    done.rewording_score
                    if done is not None and done.rewording_score is not None
                    else plan.scores.get(doc.key)
                ),
                "meaning_changes": done.changes if done is not None else {},
                "redline": done.redline if done is not None else None,
                "failure": done.failure if done is not None else None,
                "report": done.report if done is not None else None,
            }
        )
    return {
        "family": plan.family,
        "original": plan.original,
        "reason": plan.reason,
        "documents": documents,
    }
