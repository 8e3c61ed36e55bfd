"""What every hostile-input test checks: the page ends in the status the reliability table
demands (NL no loss, DG degraded with all text kept, ER a clear error), within its budget."""

from __future__ import annotations

import re
import time
from collections import Counter

from wikirecover import Converted, convert_text
from wikirecover.budget import Budget
from wikirecover.options import Options

SECONDS = 10.0  # the page budget in these tests (the default is 60 s)
_WORD = re.compile(r"[^\W_]+")


def run(
    text: str, *, kind: str = "wikitext", to: str = "wikitext", seconds: float = SECONDS, **options
) -> Converted:
    """``text`` converted under a budget; the whole call must end within it (plus start-up)."""
    started = time.monotonic()
    options.setdefault("budget", Budget(seconds=seconds))
    [result] = convert_text(text, kind=kind, to=to, options=Options(**options))
    assert time.monotonic() - started < seconds + 5, "the budget did not hold"
    return result


def words(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text))


def keeps_words(text: str, output: str) -> bool:
    """Every word of ``text`` is in ``output`` (as often)."""
    return not words(text) - words(output)


def no_loss(result: Converted) -> None:
    """NL: an output, and the page not degraded or failed."""
    assert result.output is not None, result.document.failed
    assert str(result.document.status) in ("OK", "REPAIRED"), _issues(result)


def degraded(result: Converted, text: str) -> None:
    """DG: marked DEGRADED with a reason, every word of the input in the output."""
    assert str(result.document.status) == "DEGRADED", _issues(result)
    assert result.output is not None
    output = result.output if isinstance(result.output, str) else ""
    assert keeps_words(text, output), "degraded, but text was lost"


def not_worse_than_degraded(result: Converted, text: str) -> None:
    """NL or DG: an output that keeps every word; degraded only with a reason."""
    assert result.output is not None, result.document.failed
    assert str(result.document.status) != "FAILED"
    if str(result.document.status) == "DEGRADED":
        assert any(i.severity == "error" for i in result.document.issues)
    assert keeps_words(text, str(result.output)), "text was lost"


def _issues(result: Converted) -> str:
    return "; ".join(f"{i.code}: {i.message}" for i in result.document.issues)
