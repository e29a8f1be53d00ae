"""Provenance and corroboration, measured: which copy is chosen as the source, and how often a
quotation changed in one word is caught against the other outlets that carry it.

**Source choice.** Real SQLite stores, each holding one story's copies among invented
distractors, and the article whose source is asked for:

- *seed farm*: ../shared's seed source (Al Jazeera, 23 July) and one to three farm copies of
  the spun article (later dates, other footers), with the source dated or not;
- *republished wire*: an invented article carried verbatim by three sites on three days; the
  article is a fourth copy, and its source is the earliest;
- *earliest itself*: the article is older than every stored copy, so it has no source.

**Misquotes.** Each outlet of the seed's coverage in turn plays the article, and the others
are its coverage. Every quotation it shares with an independent outlet is changed in one of
two ways a rewriter changes words: a content word swapped for a WordNet synonym (what a
spinner does), or garbled by one letter (what a bad round trip does). A catch is a
``corroboration.misquoted`` finding on the changed word; a false alarm is one on an
unchanged text.

    .venv/bin/python eval/corroboration.py
"""

from __future__ import annotations

import csv
import dataclasses
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.analysis import Analysed, analyse, analyse_many
from copydesk.corpus.corroborate import MISQUOTED_KIND, corroborate
from copydesk.corpus.find_source import provenance
from copydesk.corpus.reuse import STOPWORDS
from copydesk.corpus.store import Store
from copydesk.lexicon.wires import wire_key
from copydesk.lexicon.wordnet import wordnet
from copydesk.read import read_file
from copydesk.read.article import Article

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles

SEED = ROOT.parent / "shared" / "cases" / "seed"

#: Invented distractors in each store.
DISTRACTORS = 60

#: Invented stories for the republished-wire and earliest-itself cases.
STORIES = 12

#: Quotations shorter than this are not changed (two-word labels are not what outlets share).
MIN_QUOTE_WORDS = 4


@dataclass
class Scores:
    source_cases: dict[str, list[bool]] = field(default_factory=dict)
    misquotes: dict[str, list[bool]] = field(default_factory=dict)
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    quotations_shared: int = 0

    @property
    def source_accuracy(self) -> float:
        done = [x for xs in self.source_cases.values() for x in xs]
        return sum(done) / len(done) if done else 0.0

    def recall(self, kind: str) -> float:
        xs = self.misquotes.get(kind, [])
        return sum(xs) / len(xs) if xs else 0.0


# --- source choice ---------------------------------------------------------------------------


def _store(folder: Path, name: str, docs: list[Article]) -> Store:
    store = Store.open(folder / f"{name}.db")
    for article in synthetic_articles(DISTRACTORS, seed=len(name)):
        store.add(article)
    for doc in docs:
        store.add(doc)
    return store


def _seed_farm(folder: Path, copies: int, dated_source: bool) -> bool:
    spun = read_file(SEED / "article.txt")
    source = read_file(SEED / "source.txt")
    source = dataclasses.replace(
        source,
        outlet="Al Jazeera" if dated_source else None,
        url="https://www.aljazeera.com/news/2025/7/23/talks" if dated_source else None,
        published="2025-07-23" if dated_source else None,
    )
    footers = ("Share this article", "Comments are closed", "Read more stories")
    farm = [
        dataclasses.replace(
            spun,
            text=spun.text.replace("Leave a Reply", footers[k]),
            url=f"https://farm{k}.example/talks",
            outlet=f"Farm {k}",
            published=f"2025-07-2{4 + k}",
        )
        for k in range(copies)
    ]
    with _store(folder, f"seed{copies}{dated_source}", [source, *farm]) as store:
        found = provenance(store, spun)
        return found.source is not None and found.source.text == source.text


def _wire(folder: Path, k: int, story: Article) -> bool:
    text = story.text
    carried = [
        Article(text + f"{footer}\n", url=f"https://site{j}.example/{k}", published=day)
        for j, (footer, day) in enumerate(
            (
                ("Read more.", "2024-03-01"),
                ("Share this.", "2024-03-02"),
                ("Comments.", "2024-03-03"),
            )
        )
    ]
    with _store(folder, f"wire{k}", carried) as store:
        found = provenance(store, Article(text + "Follow us.\n", published="2024-03-04"))
        return found.source is not None and found.source.url == carried[0].url


def _earliest(folder: Path, k: int, story: Article) -> bool:
    later = [
        Article(story.text + "Shared.\n", url=f"https://late.example/{k}", published="2024-06-09")
    ]
    with _store(folder, f"early{k}", later) as store:
        found = provenance(store, Article(story.text, published="2024-06-01"))
        return found.source is None and found.family is not None and found.family.original is None


# --- misquotes -----------------------------------------------------------------------------------


def _coverage() -> list[Article]:
    rows = list(csv.DictReader((SEED / "coverage" / "index.tsv").open(), delimiter="\t"))
    return [
        dataclasses.replace(
            read_file(SEED / "coverage" / r["file"]),
            doc_id=r["file"],
            outlet=r["outlet"],
            url=r["url"],
            published=r["date"] or None,
            wire=wire_key(r["wire"]),
        )
        for r in rows
    ]


def _synonym(word: str) -> str | None:
    """A WordNet synonym of ``word`` in its commonest sense, inflected like it where simple."""
    wn = wordnet()
    for pos in ("v", "n", "a"):
        for lemma in wn.base_forms(word.lower(), pos):
            for synset in wn.synsets(lemma, pos)[:1]:
                for other in synset.words:
                    if "_" in other or other == lemma:
                        continue
                    suffix = word.lower()[len(lemma) :] if word.lower().startswith(lemma) else ""
                    return other + suffix
    return None


def _garbled(word: str) -> str:
    """``word`` with two inner letters swapped: "expects" → "expcets"."""
    i = max(1, len(word) // 2 - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _changes(article: Analysed) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, new word) for one content word of each quotation."""
    out = []
    text = article.doc.text
    for q in article.ledger.quotations:
        words = q.text.split()
        if len(words) < MIN_QUOTE_WORDS:
            continue
        content = [w.strip(".,;:!?“”\"'‘’") for w in words]
        content = [w for w in content if w.isalpha() and w.lower() not in STOPWORDS and len(w) > 3]
        if not content:
            continue
        word = max(content, key=len)
        start = text.index(word, q.span.start)
        synonym = _synonym(word)
        if synonym:
            out.append(("synonym", start, start + len(word), synonym))
        out.append(("garbled", start, start + len(word), _garbled(word)))
    return out


def _misquotes(scores: Scores) -> None:
    docs = _coverage()
    analysed = analyse_many(docs)
    for i, article in enumerate(analysed):
        others = [a for j, a in enumerate(analysed) if j != i]
        before = corroborate(article, others)
        for f in before.findings:
            if f.kind == MISQUOTED_KIND:
                scores.false_alarms.append(f"{docs[i].outlet}: {f.message}")
        shared = [
            v
            for v in before.verdicts
            if v.kind == "quotation" and v.verdict.value == "corroborated"
        ]
        for kind, start, end, new in _changes(article):
            if not any(v.span.start <= start < v.span.end for v in shared):
                continue  # no independent outlet carries these words
            scores.quotations_shared += kind == "garbled"
            text = docs[i].text[:start] + new + docs[i].text[end:]
            changed = analyse(dataclasses.replace(docs[i], text=text))
            after = corroborate(changed, others)
            caught = any(
                f.kind == MISQUOTED_KIND and f.span.start <= start < f.span.end
                for f in after.findings
            )
            scores.misquotes.setdefault(kind, []).append(caught)
            if not caught:
                was = docs[i].text[start:end]
                scores.missed.append(f"{kind}: {docs[i].outlet}: '{was}' → '{new}'")


def run() -> Scores:
    scores = Scores()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if (SEED / "article.txt").exists():
            scores.source_cases["seed farm"] = [
                _seed_farm(folder, copies, dated) for copies in (1, 2, 3) for dated in (True, False)
            ]
        stories = list(synthetic_articles(STORIES, seed=77))
        scores.source_cases["republished wire"] = [
            _wire(folder, k, s) for k, s in enumerate(stories)
        ]
        scores.source_cases["earliest itself"] = [
            _earliest(folder, k, s) for k, s in enumerate(stories)
        ]
    if (SEED / "coverage").is_dir():
        _misquotes(scores)
    return scores


def main() -> int:
    scores = run()
    print("Source chosen among a story's copies")
    print(f"{'case':<20} {'stores':>6} {'right':>6}")
    for name, results in scores.source_cases.items():
        print(f"{name:<20} {len(results):>6} {sum(results):>6}")
    print(
        f"{'all':<20} {sum(len(r) for r in scores.source_cases.values()):>6} "
        f"{scores.source_accuracy:>6.0%}"
    )
    print()
    print("Quotations changed in one word, against the seed's independent coverage")
    print(f"{'change':<20} {'tried':>6} {'caught':>6}")
    for kind, results in scores.misquotes.items():
        print(f"{kind:<20} {len(results):>6} {scores.recall(kind):>6.0%}")
    print(f"false misquotes on unchanged texts: {len(scores.false_alarms)}")
    for line in scores.missed:
        print(f"  missed {line}")
    for line in scores.false_alarms:
        print(f"  false alarm {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
