"""Feedback on long work: a progress bar when stderr is a terminal, one-line summaries always
(unless quiet).

The bar (rich) is drawn on stderr only when stderr is a terminal, so logs and pipes get the
plain summary lines and nothing else; ``quiet`` keeps even those back (errors are never quiet).
"""

from __future__ import annotations

import sys
import unicodedata
from types import TracebackType
from typing import Any, TextIO

# characters that change how a terminal shows what follows them: C0/C1 controls (ESC starts
# colour, cursor and title sequences) and the bidirectional overrides and isolates, which
# reorder a line's text ("report\u202etxt.exe")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """``text`` safe to print as one line on a terminal: every control character and bidi
    override escaped as Python writes it (``\\x1b``, ``\\n``, ``\\u202e``), the rest as is. A
    file name, a URL from a feed or a value from a report may hold any of them."""
    if text.isprintable():  # the usual case: nothing to escape (spaces count as printable)
        return text
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in _BIDI
        else ch
        for ch in text
    )


class Feedback:
    """Where a command reports progress and its summary lines."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr

    @property
    def interactive(self) -> bool:
        """True when a progress bar is drawn: stderr is a terminal and not quiet."""
        isatty = getattr(self.stream, "isatty", None)
        return not self.quiet and bool(isatty and isatty())

    def say(self, message: str) -> None:
        """Print a summary line on stderr, unless quiet."""
        if not self.quiet:
            print(printable(message), file=self.stream, flush=True)

    def bar(self, label: str, total: int | None = None) -> Bar:
        """A progress bar over ``total`` steps (None: unknown), drawn only when interactive."""
        return Bar(label, total, self if self.interactive else None)


class Bar:
    """A context manager; ``advance()`` after each step, ``note()`` to show the current item."""

    def __init__(self, label: str, total: int | None, feedback: Feedback | None) -> None:
        self.label = label
        self.total = total
        self._feedback = feedback
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Bar:
        if self._feedback is not None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            console = Console(file=self._feedback.stream, stderr=True)
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[note]}", style="dim", markup=False),  # a name, a URL
                console=console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total, note="")
        return self

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def note(self, text: str) -> None:
        """Show what is being worked on (a file name, a step), shortened to fit."""
        if self._progress is not None:
            text = printable(text)
            self._progress.update(self._task, note=text if len(text) <= 60 else "…" + text[-59:])

    def print(self, message: str) -> None:
        """A line above the bar (errors while it runs); plain stderr when there is no bar."""
        message = printable(message)
        if self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
