"""``copydesk doctor`` names what this installation uses, and what is missing and why."""

from __future__ import annotations

from pathlib import Path

from support.command import copydesk


def _lines(out: str) -> dict[str, str]:
    """Each resource's line, by its name."""
    rows = {}
    for line in out.splitlines():
        status, rest = line.split(maxsplit=1)
        name = next(n for n in ("parser model", "WordNet", "vocabulary", "thesauri",
                                "embeddings", "house style") if rest.startswith(n))  # fmt: skip
        rows[name] = f"{status} {rest[len(name) :].strip()}"
    return rows


def test_doctor_names_every_resource_in_use(tmp_path: Path) -> None:
    house = tmp_path / "copydesk.toml"
    house.write_text('[words]\naccept = ["nearshoring", "reshoring"]\n', encoding="utf-8")
    done = copydesk("doctor", "--config", str(house))
    assert done.returncode == 0, done.stderr
    rows = _lines(done.stdout)
    assert rows["parser model"].startswith("ok spaCy en_core_web_sm")
    assert rows["WordNet"].startswith("ok WordNet 3.0 in ")
    assert rows["embeddings"].startswith("ok ")
    assert (
        rows["house style"]
        == f"ok {house}: 2 accepted words and names, 0 allowed reporting verbs, 0 kinds ignored"
    )


def test_doctor_says_why_a_resource_is_missing(tmp_path: Path) -> None:
    done = copydesk(
        "doctor", env={"COPYDESK_WORDNET": str(tmp_path), "COPYDESK_EMBEDDINGS": "lexical"}
    )
    assert done.returncode == 2
    rows = _lines(done.stdout)
    assert rows["WordNet"].startswith(f"MISSING WordNet 3.0 is not installed in {tmp_path}")
    assert rows["embeddings"] == "ok lexical (character n-grams): COPYDESK_EMBEDDINGS=lexical"
    assert rows["house style"].startswith("ok none (copydesk.toml is not in ")
