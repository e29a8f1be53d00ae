"""Every finding kind copydesk emits: its stable code, default severity and meaning.

The README's table and the JSON schema's enum are generated from this list; a check that
emits a kind not listed here fails the test suite.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.model import Severity


@dataclass(frozen=True, slots=True)
class Kind:
    code: str
    severity: Severity
    meaning: str

    @property
    def label(self) -> str:
        """The kind in a copy editor's words, shown beside its code ("Quotation altered")."""
        return LABELS[self.code]


#: Each kind's label: what an editor calls the fault, in a few words.
LABELS: dict[str, str] = {
    "copy.non_word": "Not a word",
    "copy.broken_number": "Broken number",
    "copy.page_junk": "Page furniture in the text",
    "attribution.empty_speaker": "Speaker missing",
    "attribution.unattributed_quote": "Quotation without a speaker",
    "attribution.loaded_verb": "Loaded reporting verb",
    "attribution.loaded_verb_pattern": "Loaded reporting verbs throughout",
    "consistency.conflicting_affiliation": "Roles that contradict each other",
    "consistency.time_conflict": "Dates that contradict each other",
    "consistency.unit_conversion": "Conversion that does not add up",
    "spin.lowercase_name": "Name in lower case",
    "spin.broken_sentence": "Broken sentence",
    "spin.wrong_form": "Wrong verb form",
    "spin.tortured_phrase": "Tortured phrase",
    "spin.odd_reporting_verb": "Odd word for 'said'",
    "spin.corrupted_name": "Name with a word swapped",
    "spin.garbled_text": "Garbled characters",
    "spin.stray_quotes": "Stray quotation marks",
    "spin.editorial_word": "Writer's judgement",
    "source.role_swap": "Roles swapped",
    "source.agent_inverted": "Who did what, reversed",
    "source.quote_altered": "Quotation altered",
    "source.quote_unmarked": "Quotation marks dropped",
    "source.quote_rescoped": "Quotation applied to something else",
    "source.speaker_dropped": "Speaker dropped",
    "source.speaker_changed": "Words given to another speaker",
    "source.number_changed": "Number changed",
    "source.negation_flipped": "Negation flipped",
    "source.hedge_removed": "Hedge removed",
    "source.attribution_verb_changed": "Reporting verb changed",
    "source.title_changed": "Title changed",
    "source.word_changed": "Word changed in meaning",
    "source.antonym": "Word turned to its opposite",
    "source.scope_changed": "Claim narrowed or widened",
    "source.entity_changed": "Name or place changed",
    "source.modality_changed": "Certainty changed",
    "source.phrase_broken": "Phrase broken",
    "source.grammar_broken": "Grammar broken",
    "source.tense_changed": "Tense changed",
    "source.time_changed": "Time changed",
    "source.date_added": "Date added",
    "source.fact_dropped": "Fact dropped",
    "source.intensity_changed": "Emphasis changed",
    "source.quote_added": "Quotation marks added",
    "source.unmatched": "Not in the source",
    "corroboration.contradicted": "Contradicted by other outlets",
    "corroboration.misquoted": "Quoted otherwise by other outlets",
}


KINDS: tuple[Kind, ...] = (
    # copy: the text itself
    Kind("copy.non_word", Severity.MAJOR, "A token that is neither an English word nor a name."),
    Kind("copy.broken_number", Severity.MAJOR, "Digits split by stray spaces, e.g. '1, 000km'."),
    Kind(
        "copy.page_junk",
        Severity.MINOR,
        "Page furniture left in the body: comment forms, embed links, share lines.",
    ),
    # attribution: who says what
    Kind(
        "attribution.empty_speaker",
        Severity.MAJOR,
        "An attribution whose speaker is missing: 'According to  ,'.",
    ),
    Kind(
        "attribution.unattributed_quote",
        Severity.MINOR,
        "A direct quotation with no speaker in its sentence or the one before or after.",
    ),
    Kind(
        "attribution.loaded_verb",
        Severity.MINOR,
        "A reporting verb that editorialises ('claimed', 'admitted') where news style uses 'said'.",
    ),
    Kind(
        "attribution.loaded_verb_pattern",
        Severity.MINOR,
        "The article uses loaded reporting verbs much more often than 'said'.",
    ),
    # consistency: the article against itself
    Kind(
        "consistency.conflicting_affiliation",
        Severity.MAJOR,
        "One person is given incompatible sides or roles.",
    ),
    Kind(
        "consistency.time_conflict",
        Severity.MAJOR,
        "One event is dated two ways that cannot both hold.",
    ),
    Kind(
        "consistency.unit_conversion",
        Severity.MAJOR,
        "A value and its bracketed conversion disagree.",
    ),
    # spin: fingerprints of machine rewording, read without a source
    Kind(
        "spin.lowercase_name",
        Severity.MINOR,
        "A name, a nationality or a sentence's first word in lower case ('ted cruz').",
    ),
    Kind(
        "spin.broken_sentence",
        Severity.MINOR,
        "A sentence broken in rewording: a capital mid-sentence, a verbless fragment, a word joined to itself.",
    ),
    Kind(
        "spin.wrong_form",
        Severity.MINOR,
        "A verb form English does not have in its place ('had began', 'the talks was').",
    ),
    Kind(
        "spin.tortured_phrase",
        Severity.MINOR,
        "A phrase a thesaurus made: 'performed down' for 'played down', 'charge cuts' for "
        "'tax cuts', 'thought-about', 'japanese Ukraine'.",
    ),
    Kind(
        "spin.odd_reporting_verb",
        Severity.MINOR,
        "A reporting verb a thesaurus put for 'said' or 'told': 'instructed reporters', or "
        "'stated' and 'mentioned' as often as 'said'.",
    ),
    Kind(
        "spin.corrupted_name",
        Severity.MINOR,
        "A place name or a title with a word swapped for a synonym: 'West Palm Seaside', "
        "'Circuit Choose Jo Bell'.",
    ),
    Kind(
        "spin.garbled_text",
        Severity.MINOR,
        "Characters lost or run together in transit ('be?certified', 'Mariupolaccording'), "
        "or a template slot left unfilled ('(*50*)').",
    ),
    Kind(
        "spin.stray_quotes",
        Severity.MINOR,
        "Quotation marks glued to the word before them, around words nobody said, or a "
        "quotation opened twice with no closing mark between.",
    ),
    Kind(
        "spin.editorial_word",
        Severity.MINOR,
        "A word of the writer's judgement outside quotations ('tragically'), or an 'UPDATE:' label.",
    ),
    # source: the article against its source
    Kind(
        "source.role_swap",
        Severity.MAJOR,
        "Who holds which role or side is exchanged against the source.",
    ),
    Kind(
        "source.agent_inverted",
        Severity.MAJOR,
        "Who did what to whom is reversed against the source.",
    ),
    Kind(
        "source.quote_altered", Severity.MAJOR, "Words inside a quotation differ from the source's."
    ),
    Kind(
        "source.quote_unmarked",
        Severity.MINOR,
        "A quotation's words are kept but its quotation marks dropped.",
    ),
    Kind(
        "source.quote_rescoped",
        Severity.MAJOR,
        "A quotation is applied to something other than what the source applied it to.",
    ),
    Kind(
        "source.speaker_dropped",
        Severity.MAJOR,
        "The source names a speaker; the article does not.",
    ),
    Kind(
        "source.speaker_changed",
        Severity.MAJOR,
        "The article gives words to a different speaker than the source.",
    ),
    Kind("source.number_changed", Severity.MAJOR, "A number differs from the source's."),
    Kind(
        "source.negation_flipped",
        Severity.MAJOR,
        "A statement is negated in one text and not the other.",
    ),
    Kind(
        "source.hedge_removed",
        Severity.MINOR,
        "The source hedges ('could', 'may'); the article states it as fact.",
    ),
    Kind(
        "source.attribution_verb_changed",
        Severity.MINOR,
        "The reporting verb changed, e.g. 'said' to 'claimed'.",
    ),
    Kind("source.title_changed", Severity.MAJOR, "A person's title differs from the source's."),
    Kind(
        "source.word_changed",
        Severity.MINOR,
        "A word is replaced by one that is no synonym in the sense used (a wrong-sense substitute).",
    ),
    Kind("source.antonym", Severity.MAJOR, "A word is replaced by its opposite."),
    Kind(
        "source.scope_changed",
        Severity.MINOR,
        "A word is replaced by a narrower or broader term, so the claim covers less or more.",
    ),
    Kind(
        "source.entity_changed",
        Severity.MAJOR,
        "A name, nationality, place or direction differs from the source's.",
    ),
    Kind(
        "source.modality_changed",
        Severity.MAJOR,
        "A modal changes how firm the statement is ('would' to 'could', 'could delay' to 'delay').",
    ),
    Kind(
        "source.phrase_broken",
        Severity.MAJOR,
        "An idiom or phrasal verb is broken, or a word is replaced by a non-word ('played down' to 'performed down').",
    ),
    Kind(
        "source.grammar_broken",
        Severity.MINOR,
        "A substitute breaks the sentence's grammar ('had began', a verb phrase for a noun).",
    ),
    Kind(
        "source.tense_changed",
        Severity.MINOR,
        "The tense or aspect moves an event in time ('had told' to 'told').",
    ),
    Kind(
        "source.time_changed",
        Severity.MAJOR,
        "A time reference differs from the source's ('in 2026' to 'by 2026').",
    ),
    Kind(
        "source.date_added",
        Severity.MINOR,
        "The article gives a date or year the source does not.",
    ),
    Kind(
        "source.fact_dropped",
        Severity.MINOR,
        "A phrase that carried a fact (a deadline) is dropped.",
    ),
    Kind(
        "source.intensity_changed",
        Severity.MINOR,
        "An intensifier or a softener is put in or taken out ('dashed all hopes', 'slightly').",
    ),
    Kind(
        "source.quote_added",
        Severity.MINOR,
        "Quotation marks are put around words the source quotes from no one.",
    ),
    Kind(
        "source.unmatched", Severity.INFO, "An article sentence with no counterpart in the source."
    ),
    # corroboration: the article against other outlets
    Kind(
        "corroboration.contradicted",
        Severity.MAJOR,
        "Other outlets' reports contradict this claim.",
    ),
    Kind(
        "corroboration.misquoted",
        Severity.MAJOR,
        "Independent outlets quote the same speaker in other words.",
    ),
)

BY_CODE: dict[str, Kind] = {k.code: k for k in KINDS}


def severity_of(code: str) -> Severity:
    return BY_CODE[code].severity
