"""Lexical data packed once at install time into one file in the virtual environment, and
read back in milliseconds: the spelling vocabulary (`vocabulary`) and the spinner's swaps
(`thesaurus`) are both built by ``python -m copydesk.lexicon.<module> build``.

A sorted list of words is stored as `SortedLines`, one blob of lines and their offsets,
searched by bisection: a process reads 200,000 entries without building a dict of them.
"""

from __future__ import annotations

import bisect
import marshal
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class SortedLines:
    """Lines sorted by their UTF-8 bytes, each followed by a newline, with where each starts
    (and the end)."""

    data: bytes
    offsets: array[int]

    @classmethod
    def of(cls, lines: Iterable[str]) -> SortedLines:
        """``lines`` as given: sort them first when they are to be searched."""
        encoded = [line.encode("utf-8") + b"\n" for line in lines]
        offsets = array("I", [0])
        for e in encoded:
            offsets.append(offsets[-1] + len(e))
        return cls(b"".join(encoded), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def raw(self, k: int) -> bytes:
        return self.data[self.offsets[k] : self.offsets[k + 1] - 1]

    def line(self, k: int) -> str:
        return self.raw(k).decode("utf-8")

    def find(self, line: str) -> int | None:
        """The position of ``line``, or None."""
        wanted = line.encode("utf-8")
        k = bisect.bisect_left(range(len(self)), wanted, key=self.raw)
        return k if k < len(self) and self.raw(k) == wanted else None

    def dump(self) -> tuple[bytes, bytes]:
        return self.data, self.offsets.tobytes()

    @classmethod
    def load(cls, raw: Sequence[bytes]) -> SortedLines:
        offsets = array("I")
        offsets.frombytes(raw[1])
        return cls(raw[0], offsets)


def utf8(word: str) -> bytes:
    """The sort key of `SortedLines`."""
    return word.encode("utf-8")


def read(path: Path, fmt: int, stamp: object) -> dict[str, Any] | None:
    """The data written to ``path``, or None when it is missing, unreadable, of another
    format or built from other sources (``stamp``)."""
    try:
        data: Any = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != fmt or data.get("stamp") != stamp:
        return None
    return data


def write(path: Path, fmt: int, stamp: object, data: dict[str, Any]) -> Path:
    """Write ``data`` to ``path`` whole or not at all (a partial file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(marshal.dumps({"format": fmt, "stamp": stamp, **data}))
    partial.replace(path)
    return path


def build_command(module: str, build: Callable[[], Path], argv: Sequence[str] | None) -> int:
    """``python -m copydesk.lexicon.<module> build``: writes the file and says where."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args != ["build"]:
        print(f"usage: python -m copydesk.lexicon.{module} build", file=sys.stderr)
        return 2
    print(f"wrote {build()}")
    return 0
