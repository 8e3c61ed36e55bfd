"""Debian's DokuWiki (package `dokuwiki`, PHP) serving a migrated `data/` folder on loopback,
for the migration tests: its configuration copied to a temporary folder with `savedir` set to
the export (PHP's `auto_prepend_file` points DokuWiki there), served by PHP's built-in server.
Tests using it skip where the package is absent."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

DOKUWIKI = Path("/usr/share/dokuwiki")
CONFIGURATION = Path("/etc/dokuwiki")
# what DokuWiki writes besides the pages and media, under `savedir`
WORK_FOLDERS = (
    "attic",
    "meta",
    "media_meta",
    "media_attic",
    "cache",
    "index",
    "locks",
    "tmp",
    "log",
)


def available() -> bool:
    return shutil.which("php") is not None and (DOKUWIKI / "doku.php").exists()


@contextmanager
def serving(data: Path, work: Path) -> Iterator[str]:
    """DokuWiki on ``data`` (a migrated `data/` folder); yields its base URL."""
    if not available():
        pytest.skip("DokuWiki (Debian package dokuwiki) is not installed")
    conf = work / "conf"
    shutil.copytree(CONFIGURATION, conf, symlinks=False, ignore_dangling_symlinks=True)
    (conf / "local.protected.php").unlink(missing_ok=True)
    (conf / "local.php").write_text(
        f"<?php\n$conf['title'] = 'Migrated';\n$conf['savedir'] = '{data}';\n"
        "$conf['useacl'] = 0;\n",
        encoding="utf-8",
    )
    for folder in WORK_FOLDERS:
        (data / folder).mkdir(parents=True, exist_ok=True)
    prepend = work / "prepend.php"
    prepend.write_text(f"<?php define('DOKU_CONF', '{conf}/');\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            "php",
            "-d",
            f"auto_prepend_file={prepend}",
            "-S",
            f"127.0.0.1:{port}",
            "-t",
            str(DOKUWIKI),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/doku.php", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(base: str, page_id: str) -> str:
    with urllib.request.urlopen(f"{base}/doku.php?id={page_id}", timeout=30) as response:
        return response.read().decode("utf-8")
