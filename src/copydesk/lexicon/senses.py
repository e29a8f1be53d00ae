"""How two words relate in WordNet: the evidence behind a word substitution's judgement.

`relation(source_word, article_word, pos)` names the closest WordNet relation between the
word a source used and the word that replaced it, with the sense it goes through, so that a
copy editor's message can cite it ("'navy' is not a synonym of 'military' in any common
sense of 'military'"). The relations, from closest:

- ``same``: one lemma (or one spelling, "defence"/"defense");
- ``synonym``: the two share a synset that is a common sense of the source word;
- ``rare_synonym``: they share a synset only in a rare sense of the source word (a spinner's
  thesaurus pick: "told" -> "instructed" shares nothing, "played" -> "performed" only
  "play a role");
- ``similar``: adjectives linked by WordNet's similar-to or also-see, or verbs that are
  manners of one verb ("reduce"/"lower" under "decrease"), in a common sense;
- ``antonym``: WordNet's antonym pointer, in any sense;
- ``broader`` / ``narrower``: the article's word is a hypernym (hyponym) of the source's within
  `SCOPE_DEPTH` steps;
- ``unrelated``: both are in WordNet and none of the above holds;
- ``unknown``: one of them is not in WordNet.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.lexicon.normalise import spelling_key, title_form
from copydesk.lexicon.wordnet import Sense, Synset, WordNet, wordnet

#: Least share of a source word's tagged uses that a shared synset needs for the pair to be
#: synonyms in a common sense. Calibrated on spinner swaps and faithful synonyms alike: the
#: shared senses of city/metropolis (0.87), say/state (0.85) and reduce/lower are far above
#: it, the only shared senses of spinner picks ("play"/"perform", "tell"/"order") are near or
#: below a tenth; a fifth separates the two groups with room on both sides.
SYNONYM_MIN_SHARE = 0.2

#: Hypernym steps searched for a broader or narrower term: "aircraft" is two steps above
#: "plane" (heavier-than-air craft); beyond three, two nouns only share a broad class.
SCOPE_DEPTH = 3

#: Adjective pointers that make two adjectives near-synonyms: similar-to, also-see.
SIMILAR = ("&", "^")
ANTONYM = "!"


@dataclass(frozen=True, slots=True)
class Relation:
    name: str
    sense: Synset | None = None  # the synset the relation goes through, where there is one
    share: float = 0.0  # the source word's tagged share of that sense

    @property
    def keeps_meaning(self) -> bool:
        return self.name in ("same", "synonym", "similar")


def lemmas(word: str, pos: str, wn: WordNet | None = None) -> tuple[str, ...]:
    """The WordNet lemmas ``word`` (a lemma or an inflected form) can stand for."""
    wn = wn or wordnet()
    return wn.base_forms(word, pos)


def relation(source: str, article: str, pos: str) -> Relation:
    """The closest relation from ``source`` to ``article`` as words of part of speech ``pos``
    (``n``, ``v``, ``a`` or ``r``); see the module docstring."""
    if title_form(spelling_key(source.lower())) == title_form(spelling_key(article.lower())):
        return Relation("same")  # one spelling, or a gender variant ("spokesman")
    wn = wordnet()
    s_lemmas, a_lemmas = lemmas(source, pos, wn), lemmas(article, pos, wn)
    if set(s_lemmas) & set(a_lemmas):
        return Relation("same")
    if not s_lemmas or not a_lemmas:
        return Relation("unknown")
    s_senses = [sense for lemma in s_lemmas for sense in wn.senses(lemma, pos)]
    a_synsets = {s.key: s for lemma in a_lemmas for s in wn.synsets(lemma, pos)}
    shared = [sense for sense in s_senses if sense.synset.key in a_synsets]
    best = max(shared, key=lambda sense: sense.share) if shared else None
    if best is not None and best.share >= SYNONYM_MIN_SHARE:
        return Relation("synonym", best.synset, best.share)
    scope = _scope(wn, s_senses, a_synsets) if pos in ("n", "v") else None
    if scope is not None and scope.share >= SYNONYM_MIN_SHARE:
        return scope  # a hypernym link through a common sense outranks a rare synonym
    if best is not None:
        return Relation("rare_synonym", best.synset, best.share)
    a_words = {w for lemma in a_lemmas for w in (lemma.replace("_", " "),)}
    for sense in s_senses:
        for p_pos, offset, target in sense.synset.lexical(_word(sense.synset, s_lemmas), ANTONYM):
            other = wn.synset(p_pos, offset)
            words = other.words if target == 0 else (other.words[target - 1],)
            if a_words & set(words):
                return Relation("antonym", sense.synset, sense.share)
    if pos == "a":
        for sense in s_senses:
            if sense.share < SYNONYM_MIN_SHARE:
                continue
            for key in sense.synset.related(*SIMILAR):
                if key in a_synsets:
                    return Relation("similar", sense.synset, sense.share)
                if any(k in a_synsets for k in wn.synset(*key).related(*SIMILAR)):
                    return Relation("similar", sense.synset, sense.share)
    if pos == "v":  # verbs under one verb are manners of doing it: "reduce"/"lower"
        for sense in s_senses:
            if sense.share < SYNONYM_MIN_SHARE:
                continue
            parents = set(sense.synset.related("@"))
            for a_synset in a_synsets.values():
                if parents & set(a_synset.related("@")):
                    return Relation("similar", sense.synset, sense.share)
    if scope is not None:
        return scope
    return Relation("unrelated")


def _scope(
    wn: WordNet, s_senses: list[Sense], a_synsets: dict[tuple[str, int], Synset]
) -> Relation | None:
    """The hypernym link between the two words through the source's commonest sense that
    has one: ``broader`` when the article's word is the broader one."""
    found: list[Relation] = []
    for sense in s_senses:
        up = wn.ancestors(sense.synset, SCOPE_DEPTH)
        if any(key in up for key in a_synsets):
            found.append(Relation("broader", sense.synset, sense.share))
    for a_synset in a_synsets.values():
        up = wn.ancestors(a_synset, SCOPE_DEPTH)
        for sense in s_senses:
            if sense.synset.key in up:
                found.append(Relation("narrower", sense.synset, sense.share))
    return max(found, key=lambda r: r.share) if found else None


def _word(synset: Synset, candidates: tuple[str, ...]) -> str:
    for c in candidates:
        w = c.replace("_", " ")
        if w in synset.words:
            return w
    return candidates[0].replace("_", " ")


def is_phrase(words: str, pos: str = "v") -> bool:
    """Whether WordNet lists ``words`` ("play down", "think about") as one lemma."""
    return wordnet().has(words.replace(" ", "_"), pos)


def is_listed(text: str) -> bool:
    """Whether WordNet lists a hyphenated form, the hyphen as a space ("well-known") or
    closed up ("email")."""
    low = text.lower()
    return wordnet().has(low.replace("-", "_")) or wordnet().has(low.replace("-", ""))
