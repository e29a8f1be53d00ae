"""The `Report`: copydesk's output as one documented, versioned JSON document.

These pydantic models are the schema of ``--format json``; the terminal and HTML renderings
read the same models, so every output says the same thing (`copydesk.report.build` fills
them from a `pipeline.CheckResult`). The schema is `Report.model_json_schema()`; a copy is
committed as ``report/schema.json`` and a test fails when the two drift apart, so schema
changes are made deliberately (bump `SCHEMA_VERSION` when a change would break a consumer).
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import Enum
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from copydesk.kinds import BY_CODE, KINDS
from copydesk.model import Severity

#: Version of the JSON document. Minor: fields added; major: fields renamed, removed or retyped.
SCHEMA_VERSION: Final = "1.3"

#: The schema's identifier (a URN: the schema travels with the package, not on a web server).
SCHEMA_ID = f"urn:copydesk:report:{SCHEMA_VERSION}"
FIND_SOURCE_SCHEMA_ID = f"urn:copydesk:find-source:{SCHEMA_VERSION}"

FINDING_KINDS: tuple[str, ...] = tuple(k.code for k in KINDS)

#: Most severe first: the order of ``summary.by_severity`` and of the findings in every rendering.
SEVERITY_ORDER: Final = (Severity.MAJOR, Severity.MINOR, Severity.INFO)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    """Half-open character offsets [start, end) into a document's text."""

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset just past the last character.")


class Excerpt(_Model):
    """A span of a document with the text it covers."""

    span: Span = Field(description="Offsets into the document's text.")
    text: str = Field(description="The document's text at `span`.")


class Evidence(_Model):
    """A span in another document (the source, another outlet's article) that backs a finding."""

    doc_id: str = Field(description="Identifier of the document the evidence is from.")
    outlet: str | None = Field(default=None, description="The outlet that published it.")
    url: str | None = Field(default=None, description="Where it was published.")
    span: Span = Field(description="Offsets into that document's text.")
    text: str = Field(description="The evidence text itself.")
    note: str | None = Field(default=None, description="What the evidence shows, in words.")
    marks: list[Span] = Field(
        default_factory=list,
        description="The words inside `span` the note is about (offsets into that document's "
        "text): the words another outlet quotes differently.",
    )


class Finding(_Model):
    """One thing a copy editor would flag, pointing at its span in the article text."""

    kind: str = Field(
        description="Stable dotted code of the finding kind (see the README's table).",
        json_schema_extra={"enum": list(FINDING_KINDS)},
    )
    label: str = Field(description="The kind in a copy editor's words ('Quotation altered').")
    number: int = Field(
        ge=1,
        description="The finding's number in the text report and the pages ('finding 5'): by "
        "severity, major first, then in text order.",
    )
    severity: Severity = Field(description="info, minor or major; any major finding exits 1.")
    message: str = Field(description="One plain sentence saying what is wrong.")
    span: Span = Field(description="Offsets into the article text.")
    text: str = Field(description="The article text at `span`.")
    sentence: Excerpt | None = Field(
        default=None,
        description="The sentence (or, outside the body, the line) containing the span.",
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="Spans in other documents that back the finding."
    )
    suggestion: str | None = Field(default=None, description="A replacement, when one exists.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the check is, 0 to 1.")
    group: int = Field(
        default=0,
        ge=0,
        description="Position in the report's `groups` of the group this finding belongs to.",
    )

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in BY_CODE:
            raise ValueError(f"unknown finding kind {value!r}")
        return value


class FindingGroup(_Model):
    """Findings about one fact: one error that several checks see (a role swapped against the
    source is also a conflicting affiliation, and a claim other outlets contradict).

    Findings are about the same fact when their spans overlap, when they cite overlapping
    evidence in the same other document, or when they touch the same quotation, the same
    person's role or the same number of the ledger. Info findings stand alone, except
    sentences with no counterpart in the source that follow one another: one added passage.
    """

    lead: int = Field(
        ge=0,
        description="Position in `findings` of the finding that leads: the most severe, then "
        "the most direct evidence (source, other outlets, the article itself, copy, "
        "attribution, rewording), then the first in the text.",
    )
    related: list[int] = Field(
        default_factory=list,
        description="Positions in `findings` of the other findings about the same fact, in "
        "text order (empty for a finding alone).",
    )


class Excluded(_Model):
    """A stretch of the article text that is not body: page junk or a declared-source footer."""

    span: Span = Field(description="Offsets into the article text.")
    text: str = Field(description="The excluded text.")
    reason: str = Field(
        description="'junk' for page furniture, 'declared_source' for a footer naming the source."
    )
    label: str = Field(description="What it is in words ('comment form', 'embed link' ...).")


class ArticleInfo(_Model):
    """The article as read: metadata, the stretches excluded from the body, and its text."""

    doc_id: str = Field(description="Identifier of the article.")
    title: str | None = Field(default=None, description="Headline, when found.")
    byline: str | None = Field(default=None, description="Author line, when found.")
    published: str | None = Field(default=None, description="Publication date as found.")
    url: str | None = Field(default=None, description="Where it was published, when known.")
    outlet: str | None = Field(default=None, description="The publishing outlet, when known.")
    declared_source: str | None = Field(
        default=None, description="The source the article names itself ('Aljazeera')."
    )
    declared_source_span: Span | None = Field(
        default=None, description="Where the declared source is written in the text."
    )
    origin: str | None = Field(default=None, description="Path, URL or '-' it was read from.")
    format: str = Field(description="'text' or 'html': what was read.")
    excluded: list[Excluded] = Field(
        default_factory=list,
        description="Stretches of the text that are not body (page junk, declared source).",
    )
    length: int = Field(ge=0, description="Length of `text` in characters.")
    text: str = Field(description="The article text every span in this report points into.")


class Filtered(_Model):
    """The filter a report was made with, and how many findings it left out."""

    min_severity: Severity = Field(
        default=Severity.INFO, description="The least severity kept ('info' keeps all)."
    )
    ignore: list[str] = Field(
        default_factory=list, description="Kinds and families ('spin') left out, sorted."
    )
    total: int = Field(default=0, ge=0, description="Findings left out.")
    below_min_severity: int = Field(
        default=0, ge=0, description="Of those, left out for their severity."
    )
    ignored: int = Field(
        default=0, ge=0, description="Of those, left out for their kind (and severe enough)."
    )
    by_kind: dict[str, int] = Field(default_factory=dict, description="Findings left out per kind.")


class Summary(_Model):
    """How many findings there are, per severity and per kind."""

    total: int = Field(ge=0, description="Number of findings.")
    by_severity: dict[str, int] = Field(
        description="Counts for 'major', 'minor' and 'info' (all three always present)."
    )
    by_kind: dict[str, int] = Field(description="Counts per finding kind that occurs.")
    filtered: Filtered = Field(
        default_factory=Filtered,
        description="The findings `--min-severity` and `--ignore` left out (all counts above "
        "are of the findings kept).",
    )


class Quotation(_Model):
    """Words the article presents as someone's."""

    text: str = Field(description="The quoted words, without quotation marks.")
    span: Span = Field(description="The quoted words, without quotation marks.")
    sentence: int = Field(description="Index of the sentence it is in.")
    marked: bool = Field(description="False for a quotation the article gives without marks.")
    speaker: str | None = Field(
        default=None, description="Who says it, or null when no speaker is found."
    )
    speaker_span: Span | None = Field(default=None, description="Where the speaker is named.")
    cue: str | None = Field(default=None, description="Lemma of the reporting verb.")
    cue_span: Span | None = Field(default=None, description="Where the reporting verb is.")


class Attribution(_Model):
    """A reporting frame: speaker, cue verb and what is reported; no speaker when it is missing."""

    cue: str = Field(description="Lemma of the reporting verb or phrase ('say', 'according to').")
    cue_span: Span = Field(description="Where the cue is.")
    speaker: str | None = Field(
        default=None, description="Who is reported, or null when the speaker is missing."
    )
    speaker_span: Span | None = Field(default=None, description="Where the speaker is named.")
    content_span: Span | None = Field(default=None, description="What is reported.")
    sentence: int = Field(description="Index of the sentence it is in.")


class Role(_Model):
    """A title or function given to a person, with the side it belongs to when stated."""

    title: str = Field(description="Normalised title ('head of delegation', 'defense minister').")
    side: str | None = Field(
        default=None, description="The country or organisation it belongs to, when stated."
    )
    former: bool = Field(default=False, description="A former role ('former defence minister').")
    span: Span = Field(description="Where the role is given.")


class Person(_Model):
    """A person named in the article, merged across mentions."""

    name: str = Field(description="Canonical name (the fullest form used).")
    mentions: list[Span] = Field(description="Every place the person is named.")
    roles: list[Role] = Field(description="Titles and functions given to the person.")


class Quantity(_Model):
    """A number as written, with its value and unit normalised."""

    text: str = Field(description="The number as written.")
    span: Span = Field(description="Where it is written.")
    value: float = Field(description="Its numeric value.")
    unit: str | None = Field(
        default=None, description="Normalised unit ('km', 'mi', '%'), or null."
    )
    dimension: str | None = Field(
        default=None, description="What it measures ('length', 'currency', 'count' ...)."
    )
    si_value: float | None = Field(default=None, description="Value in the dimension's base unit.")
    sentence: int = Field(description="Index of the sentence it is in.")


class Conversion(_Model):
    """A value and its bracketed conversion, and whether they agree."""

    original: Quantity = Field(description="The value as first given.")
    converted: Quantity = Field(description="Its conversion in brackets.")
    agrees: bool = Field(description="The two agree within rounding.")
    expected: float = Field(description="The converted value the original implies.")


class Claim(_Model):
    """A sentence's who-did-what-to-whom frame, voice normalised."""

    sentence: int = Field(description="Index of the sentence it is in.")
    span: Span = Field(description="The sentence or clause that states it.")
    subject: str | None = Field(
        default=None, description="Who or what acts (canonical name where resolved)."
    )
    subject_span: Span | None = Field(default=None, description="Where the subject is.")
    predicate: str = Field(description="The content verb's lemma, with a particle or preposition.")
    predicate_span: Span = Field(description="Where the verb is.")
    object: str | None = Field(default=None, description="Who or what is acted on.")
    object_span: Span | None = Field(default=None, description="Where the object is.")
    negated: bool = Field(description="The statement is negated.")
    hedged: bool = Field(description="A modal or hedge qualifies it ('could', 'is expected to').")
    passive: bool = Field(description="Written in the passive voice.")
    subject_side: str | None = Field(default=None, description="The side the subject stands for.")
    object_side: str | None = Field(default=None, description="The side the object stands for.")
    control: list[str] = Field(
        default_factory=list,
        description="Verbs governing the predicate through 'to', outermost first.",
    )


class Ledger(_Model):
    """What the article asserts."""

    quotations: list[Quotation] = Field(
        default_factory=list, description="Direct and reported quotations, with speakers."
    )
    attributions: list[Attribution] = Field(
        default_factory=list, description="Reporting frames, including those with no speaker."
    )
    people: list[Person] = Field(
        default_factory=list, description="People named, with their roles and sides."
    )
    quantities: list[Quantity] = Field(
        default_factory=list, description="Numbers with their units."
    )
    conversions: list[Conversion] = Field(
        default_factory=list, description="Values given with a bracketed conversion."
    )
    claims: list[Claim] = Field(default_factory=list, description="Who-did-what-to-whom frames.")


class DocumentInfo(_Model):
    """A document's metadata: the source an article was compared with, or the article whose
    source was searched for."""

    doc_id: str = Field(description="Identifier of the document.")
    title: str | None = Field(default=None, description="Headline, when found.")
    url: str | None = Field(default=None, description="Where it was published, when known.")
    outlet: str | None = Field(default=None, description="The publishing outlet, when known.")
    published: str | None = Field(default=None, description="Publication date as found.")
    origin: str | None = Field(default=None, description="Path, URL or '-' it was read from.")
    length: int = Field(ge=0, description="Length of its text in characters.")


class Label(str, Enum):
    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"
    CHANGED = "changed"
    ADDED = "added"


class AlignedPair(_Model):
    """An article sentence and the source sentence(s) it comes from (none when added)."""

    article_sentence: int = Field(description="Index of the article sentence.")
    article: Excerpt = Field(description="The article sentence.")
    source_sentences: list[int] = Field(
        description="Indexes of the source sentence(s), empty when added."
    )
    source: list[Excerpt] = Field(description="The source sentence(s), in source order.")
    label: Label = Field(
        description="verbatim, paraphrase (meaning kept), changed (a meaning change found) "
        "or added (no counterpart in the source)."
    )
    similarity: float = Field(description="How alike the two are, 0 to 1.")


class ComparisonInfo(_Model):
    """The article against its source: every body sentence aligned, labelled and diffed."""

    source: DocumentInfo = Field(description="The source's metadata.")
    pairs: list[AlignedPair] = Field(description="One per article body sentence, in article order.")
    omitted: list[Excerpt] = Field(description="Source sentences the article does not use.")
    article_reuse: float = Field(description="Share of the article's body taken from the source.")
    source_reuse: float = Field(description="Share of the source's body the article reuses.")
    by_label: dict[str, int] = Field(description="Number of article sentences per label.")


class SourceCandidate(_Model):
    """A document of the corpus that may be the article's source, best first."""

    doc_id: str = Field(description="Identifier of the document in the corpus.")
    url: str | None = Field(default=None, description="Where it was published, when known.")
    outlet: str | None = Field(default=None, description="The publishing outlet, when known.")
    title: str | None = Field(default=None, description="Headline, when found.")
    reuse_share: float = Field(description="Share of the article's text found in this document.")
    score: float = Field(
        description="Ranking score (reuse share with date and declared-source adjustments)."
    )
    reason: str = Field(description="One line: why it ranks here.")
    relation: str | None = Field(
        default=None,
        description="Its place in the article's family of copies ('original', 'copy of the "
        "article', 'copy of the original', 'another version of the story'); none for coverage "
        "that reuses too little of the article to be a copy.",
    )


class FamilyMember(_Model):
    """A document carrying the same story's text as the article."""

    doc_id: str = Field(description="Identifier of the document in the corpus.")
    outlet: str | None = Field(default=None, description="The publishing outlet, when known.")
    url: str | None = Field(default=None, description="Where it was published, when known.")
    title: str | None = Field(default=None, description="Headline, when found.")
    published: str | None = Field(default=None, description="Publication date, when known.")
    relation: str = Field(
        description="'original', 'this article', 'copy of the article' (it carries the "
        "article's own wording), 'copy of the original' or 'another version of the story'."
    )
    reuse_share: float = Field(description="Share of the article's sentences reusing its wording.")
    differs: str = Field(description="How its text differs, in a line.")


class FamilyInfo(_Model):
    """The copies of the article's story found in the corpus, and which is the original."""

    original: str | None = Field(
        description="Doc id of the original; null when the article itself is the earliest."
    )
    reason: str = Field(description="Why that document is the original.")
    members: list[FamilyMember] = Field(
        description="The original first, then the other copies by date (the article included)."
    )


class ClaimVerdict(_Model):
    """A checkable claim of the article and what other outlets say of it."""

    claim: str = Field(description="The claim in words.")
    kind: str = Field(description="'frame', 'role', 'quantity' or 'quotation'.")
    span: Span = Field(description="Where the claim is in the article.")
    text: str = Field(description="The article text at `span`.")
    verdict: Literal["corroborated", "contradicted", "unverified"] = Field(
        description="What other outlets' reports say of it."
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="The other outlets' sentences the verdict rests on."
    )
    reason: str = Field(description="Why, in one line.")
    agree: int = Field(default=0, ge=0, description="Independent reports that corroborate it.")
    disagree: int = Field(
        default=0, ge=0, description="Independent reports that contradict or misquote it."
    )


class CoverageFamilyInfo(_Model):
    """Coverage that counts as one independent report: one wire, or copies of one text."""

    label: str = Field(description="The wire, else the first outlet.")
    outlets: list[str] = Field(description="The outlets that carry it.")
    doc_ids: list[str] = Field(description="Their documents in the corpus.")


class LeftOutInfo(_Model):
    """A coverage document not counted, since it is not independent of the article."""

    doc_id: str = Field(description="Identifier of the document in the corpus.")
    outlet: str = Field(description="Its outlet, host or file.")
    reason: str = Field(description="Why it does not count.")


class CorroborationInfo(_Model):
    """The article's claims judged against other coverage in the corpus."""

    verdicts: list[ClaimVerdict] = Field(description="One per checkable claim, in text order.")
    documents_considered: int = Field(
        ge=0, description="Other documents the claims were checked against."
    )
    families: list[CoverageFamilyInfo] = Field(
        default_factory=list,
        description="The independent reports those documents make up; each counts once.",
    )
    left_out: list[LeftOutInfo] = Field(
        default_factory=list,
        description="Related documents not counted: the source, copies, the same wire.",
    )


class RewordingReason(_Model):
    """One kind of fingerprint behind the rewording score."""

    kind: str = Field(description="The finding kind counted.")
    count: int = Field(ge=0, description="How many the article has.")
    per_1000_words: float = Field(ge=0.0, description="Its density per 1,000 words.")


class RewordingInfo(_Model):
    """How likely it is that the article was machine-reworded (spun, round-tripped through
    translation, or rewritten by a model), read from its fingerprints without a source."""

    score: float = Field(
        ge=0.0, le=1.0, description="0: reads as written by a person; 1: reworded."
    )
    density: float = Field(ge=0.0, description="Weighted fingerprints per 1,000 words.")
    words: int = Field(ge=0, description="Words of the article body counted.")
    reasons: list[RewordingReason] = Field(
        description="The fingerprint kinds, most frequent first."
    )
    summary: str = Field(description="The reasons in one line.")
    threshold: float = Field(
        ge=0.0,
        le=1.0,
        description="The score at or above which the article is called likely reworded; "
        "its measured false- and true-positive rates are in docs/accuracy.md.",
    )
    likely: bool = Field(description="Whether the score reaches the threshold.")


def _document_config(title: str, schema_id: str) -> ConfigDict:
    return ConfigDict(
        title=title,
        json_schema_extra={
            "$id": schema_id,
            "$schema": "https://json-schema.org/draft/2020-12/schema",
        },
    )


class _Document(_Model):
    """What every document copydesk writes begins with."""

    schema_version: Literal["1.3"] = Field(description="Version of this document's schema.")
    tool_version: str = Field(description="The copydesk version that wrote it.")
    generated_at: datetime = Field(description="When it was written (UTC).")


class Report(_Document):
    """Everything copydesk found in one article, with the spans that prove it.

    Every `span` is a pair of character offsets into `article.text` unless it belongs to
    evidence, a source sentence or an omitted source sentence, which point into their own
    document's text.
    """

    model_config = _document_config("copydesk report", SCHEMA_ID)

    article: ArticleInfo = Field(
        description="The article checked, with the text every span points into."
    )
    findings: list[Finding] = Field(description="All findings, in text order.")
    groups: list[FindingGroup] = Field(
        default_factory=list,
        description="The findings grouped by the fact they are about, every finding in "
        "exactly one group (`Finding.group`), in the order of each group's first finding.",
    )
    summary: Summary = Field(description="Counts of findings.")
    rewording: RewordingInfo = Field(
        description="The whole-article verdict: how likely a machine reworded it, and why."
    )
    ledger: Ledger = Field(
        description="What the article asserts: quotations, people, quantities, claims."
    )
    comparison: ComparisonInfo | None = Field(
        default=None, description="Present when the article was compared with a source."
    )
    source_candidates: list[SourceCandidate] = Field(
        default_factory=list, description="Present when a corpus was searched for the source."
    )
    corroboration: CorroborationInfo | None = Field(
        default=None, description="Present when claims were checked against a corpus."
    )
    family: FamilyInfo | None = Field(
        default=None,
        description="Present when a corpus holds copies of the article's story: the original "
        "and every copy, with how each differs.",
    )

    def has_major(self) -> bool:
        return self.summary.by_severity.get(Severity.MAJOR.value, 0) > 0


class SourceSearch(_Document):
    """What ``copydesk find-source --format json`` writes: the article and its candidate
    sources in the corpus, ranked, in the report's envelope."""

    model_config = _document_config("copydesk find-source", FIND_SOURCE_SCHEMA_ID)

    article: DocumentInfo = Field(description="The article whose source was searched for.")
    source_candidates: list[SourceCandidate] = Field(
        description="The candidates, the original first, then by score (as in the report)."
    )


#: The documents `copydesk schema [DOCUMENT]` describes.
DOCUMENTS: dict[str, type[_Model]] = {"report": Report, "find-source": SourceSearch}


def schema_json(document: str = "report") -> str:
    """The JSON schema of ``document`` ('report', as ``report/schema.json`` stores it, or
    'find-source', as ``report/find-source.schema.json``), as `copydesk schema` prints it."""
    model = DOCUMENTS[document]
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
