"""The only module that talks to pandoc: the binary from the pypandoc-binary wheel, run with
``--sandbox``, a heap cap and a wall-clock timeout (pypandoc has no timeout of its own)."""

from __future__ import annotations

import subprocess
from functools import cache

import pypandoc

from .errors import PandocError

# pandoc's warnings worth passing on are short; its error text can be long (a whole table).
MESSAGE_LIMIT = 300


@cache
def pandoc_path() -> str:
    return pypandoc.get_pandoc_path()


@cache
def pandoc_version() -> str:
    """The version of the pandoc binary in use ("3.9")."""
    return pypandoc.get_pandoc_version()


def run_pandoc(
    text: str,
    source: str,
    target: str,
    *,
    timeout: float,
    memory: str,
    extra: tuple[str, ...] = (),
    binary: bool = False,
) -> str | bytes:
    """Convert ``text`` from pandoc format ``source`` to ``target`` (bytes for a ``binary``
    format such as docx, written to stdout by pandoc); raise `PandocError`."""
    command = [pandoc_path(), "--sandbox", "-f", source, "-t", target, *extra]
    if binary:
        command += ["-o", "-"]
    command += ["+RTS", f"-M{memory}", "-RTS"]
    try:
        done = subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise PandocError(f"pandoc ({source} -> {target}) took longer than {timeout:g} s") from None
    except OSError as exc:
        raise PandocError(f"pandoc could not start: {exc.strerror}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().replace("\n", " ")
        raise PandocError(
            f"pandoc ({source} -> {target}) failed with exit {done.returncode}: "
            f"{message[:MESSAGE_LIMIT]}"
        )
    return done.stdout if binary else done.stdout.decode("utf-8")
