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
- ``similar``: adjectives linked by WordNet's similar-to or also-see;
- ``antonym``: WordNet's antonym pointer, in any sense;
- ``broader`` / ``narrower``: one is a hypernym of the other within `SCOPE_DEPTH` steps;
- ``derived``: the same word in another part of speech ("criticize"/"criticism");
- ``unrelated``: both are in WordNet and none of the above holds;
- ``unknown``: one of them is not in WordNet.
"""

from __future__ import annotations

from dataclasses import dataclass

from copydesk.lexicon.normalise import spelling_key, title_form
from copydesk.lexicon.wordnet import Synset, WordNet, wordnet

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
DERIVED = ("+", "\\", "=")


@dataclass(frozen=True, slots=True)
class Relation:
    name: str
    sense: Synset | None = None  # the synset the relation goes through, where there is one
    share: float = 0.0  # the source word's tagged share of that sense

    @property
    def keeps_meaning(self) -> bool:
        return self.name in ("same", "synonym", "similar", "derived")


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
    if shared:
        best = max(shared, key=lambda sense: sense.share)
        name = "synonym" if best.share >= SYNONYM_MIN_SHARE else "rare_synonym"
        return Relation(name, best.synset, best.share)
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
    if pos in ("n", "v"):
        for sense in s_senses:
            up = wn.ancestors(sense.synset, SCOPE_DEPTH)
            if any(key in up for key in a_synsets):
                return Relation("narrower_source", sense.synset, sense.share)  # article broader
        for a_synset in a_synsets.values():
            up = wn.ancestors(a_synset, SCOPE_DEPTH)
            for sense in s_senses:
                if sense.synset.key in up:
                    return Relation("broader_source", sense.synset, sense.share)
    return Relation("unrelated")


def _word(synset: Synset, candidates: tuple[str, ...]) -> str:
    for c in candidates:
        w = c.replace("_", " ")
        if w in synset.words:
            return w
    return candidates[0].replace("_", " ")


def is_phrase(words: str, pos: str = "v") -> bool:
    """Whether WordNet lists ``words`` ("play down", "think about") as one lemma."""
    return wordnet().has(words.replace(" ", "_"), pos)
