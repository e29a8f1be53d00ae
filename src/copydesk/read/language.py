"""Is this English? A light detector for refusing articles copydesk cannot check.

English prose is held together by a small set of very frequent function words ("the", "of",
"said", "that"); so is every other language, with its own set. The detector counts what
share of a text's words are among the most frequent words of English (from wordfreq's
frequency lists, shipped with the package, no download) and, when that share is too low,
which other language's frequent words fit best, so the message can say what the text reads
as. Texts mostly in another script (Cyrillic, Chinese, Arabic...) are named by their script
first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Literal

from copydesk.errors import InputError
from copydesk.lexicon.vocabulary import top_words

#: A language the caller declares for a text: "en" skips the check; None makes it.
Lang = Literal["en"] | None

# How many of a language's most frequent words count as its "function words" (the top of
# wordfreq's list is almost all function words; 150 reaches "said", "after", "would").
TOP_WORDS = 150

# Below this share of English function words a Latin-script text is not English.
# Calibrated (tests/read/test_language.py keeps the figures true) on the seed article, its
# source and five coverage texts (whole texts 0.34-0.45; single paragraphs of 20+ words
# down to 0.21), two invented English briefs (0.42, 0.47), and invented news paragraphs in
# French, German, Spanish, Italian, Portuguese and Dutch (0.03-0.10). Set nearer the
# non-English side so that English copy heavy with names and figures still passes.
MIN_ENGLISH_SHARE = 0.18

# A text needs this share of its letters in the Latin script to be judged by words at all;
# below it, the dominant script names the language (an English article quoting a few words
# in Cyrillic or Arabic stays well above this).
MIN_LATIN_LETTER_SHARE = 0.5

# Fewer words than this and the verdict would be noise: such texts are accepted here (the
# reader refuses texts that short anyway, as too short to be an article).
MIN_WORDS_TO_JUDGE = 12

# Latin-script languages the message can name, by wordfreq code.
_LATIN_LANGUAGES: dict[str, str] = {
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "ms": "Malay",
    "sv": "Swedish",
    "da": "Danish",
    "nb": "Norwegian",
    "fi": "Finnish",
    "ro": "Romanian",
    "cs": "Czech",
    "sk": "Slovak",
    "hu": "Hungarian",
    "ca": "Catalan",
    "vi": "Vietnamese",
    "fil": "Filipino",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "sl": "Slovenian",
    "sh": "Serbo-Croatian",
}

# Scripts (by the first word of the Unicode character name) and the languages written in
# them that wordfreq can tell apart; a script with one entry names its language directly.
_SCRIPT_LANGUAGES: dict[str, dict[str, str]] = {
    "CYRILLIC": {"ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "mk": "Macedonian"},
    "ARABIC": {"ar": "Arabic", "fa": "Persian", "ur": "Urdu"},
    "CJK": {"zh": "Chinese"},
    "HIRAGANA": {"ja": "Japanese"},
    "KATAKANA": {"ja": "Japanese"},
    "HANGUL": {"ko": "Korean"},
    "GREEK": {"el": "Greek"},
    "HEBREW": {"he": "Hebrew"},
    "DEVANAGARI": {"hi": "Hindi"},
    "BENGALI": {"bn": "Bengali"},
    "TAMIL": {"ta": "Tamil"},
    "THAI": {"th": "Thai"},
    "GEORGIAN": {"ka": "Georgian"},
    "ARMENIAN": {"hy": "Armenian"},
}

# The detector reads at most this many characters: about 15,000 words, far more than any
# verdict needs, so a 10 MB input is judged as fast as a long article.
SAMPLE_CHARS = 100_000

#: A run of letters: no digits, no underscore.
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detector's verdict: whether the text is English, and what it reads as."""

    is_english: bool
    reads_as: str  # a language name ("French"), or "English"
    english_share: float  # share of words among English's most frequent words
    words: int


@cache
def _top_words(lang: str) -> frozenset[str]:
    return frozenset(w for w in top_words(lang, TOP_WORDS) if _LETTER_RUN.fullmatch(w))


def words_of(text: str) -> list[str]:
    """Lower-cased letter runs: apostrophes split words ("l'homme" -> "l", "homme")."""
    return [w.lower() for w in _LETTER_RUN.findall(text)]


def _script_of(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _dominant_script(text: str) -> tuple[str, float]:
    """The most frequent non-Latin script among the letters, and the Latin letters' share."""
    scripts: Counter[str] = Counter()
    scripts["LATIN"] = len(_ASCII_LETTERS.findall(text))
    for c in _NON_ASCII.findall(text):
        if c.isalpha():
            scripts[_script_of(c)] += 1
    letters = sum(scripts.values())
    if not letters:
        return "", 1.0
    latin = scripts.pop("LATIN", 0)
    if not scripts:
        return "", 1.0
    # Japanese mixes kana with CJK ideographs: any kana decides for Japanese.
    if scripts["HIRAGANA"] or scripts["KATAKANA"]:
        return "HIRAGANA", latin / letters
    return scripts.most_common(1)[0][0], latin / letters


def _share(words: list[str], lang: str) -> float:
    try:
        top = _top_words(lang)
    except (LookupError, ValueError):
        return 0.0
    return sum(1 for w in words if w in top) / len(words) if words else 0.0


def _best_of(words: list[str], languages: dict[str, str]) -> str:
    if len(languages) == 1:
        return next(iter(languages.values()))
    scored = [(_share(words, code), name) for code, name in languages.items()]
    share, name = max(scored)
    return name if share > 0 else "a language other than English"


def guess_language(text: str) -> LanguageGuess:
    """Judge whether ``text`` is English; name what it reads as otherwise."""
    text = text[:SAMPLE_CHARS]
    script, latin_share = _dominant_script(text)
    if script and latin_share < MIN_LATIN_LETTER_SHARE:
        languages = _SCRIPT_LANGUAGES.get(script)
        # Words of a script without spaces (Chinese, Japanese, Thai) are not countable.
        reads_as = (
            _best_of(_LETTER_RUN.findall(text.lower()), languages)
            if languages
            else f"a language in the {script.title()} script"
        )
        return LanguageGuess(False, reads_as, 0.0, len(words_of(text)))

    words = words_of(text)
    english = _share(words, "en")
    if len(words) < MIN_WORDS_TO_JUDGE or english >= MIN_ENGLISH_SHARE:
        return LanguageGuess(True, "English", english, len(words))
    return LanguageGuess(False, _best_of(words, _LATIN_LANGUAGES), english, len(words))


def declared_language(code: str) -> Lang:
    """The ``--lang`` value as a `Lang`; any other than 'en' is an `InputError`."""
    if code != "en":
        raise InputError(f"--lang takes only 'en' (copydesk checks English copy), not {code!r}.")
    return "en"
