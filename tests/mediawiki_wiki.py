"""A throwaway MediaWiki 1.39 (Debian's `mediawiki` and `php-sqlite3`) for the import tests:
installed on SQLite in a temporary folder with Cite and ParserFunctions, served by PHP's
built-in server on loopback. Tests using it skip where the packages are absent."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

MEDIAWIKI = Path("/usr/share/mediawiki")


def available() -> bool:
    return shutil.which("php") is not None and (MEDIAWIKI / "maintenance" / "install.php").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def running_wiki(tmp_path_factory):
    """Install and serve a wiki; yields (folder, LocalSettings.php, port)."""
    if not available():
        pytest.skip("MediaWiki (Debian packages mediawiki, php-sqlite3) is not installed")
    root = tmp_path_factory.mktemp("mediawiki")
    port = _free_port()
    subprocess.run(
        [
            "php",
            str(MEDIAWIKI / "maintenance" / "install.php"),
            "--dbtype",
            "sqlite",
            "--dbpath",
            str(root / "db"),
            "--dbname",
            "wr",
            "--server",
            f"http://127.0.0.1:{port}",
            "--scriptpath",
            "",
            "--confpath",
            str(root),
            "--pass",
            "wikirecover-test-pass-1",
            "WikirecoverTest",
            "Admin",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    settings = root / "LocalSettings.php"
    with settings.open("a", encoding="utf-8") as handle:
        handle.write("\nwfLoadExtension( 'Cite' );\nwfLoadExtension( 'ParserFunctions' );\n")
    server = subprocess.Popen(
        ["php", "-S", f"127.0.0.1:{port}", "-t", str(MEDIAWIKI)],
        env={"MW_CONFIG_FILE": str(settings), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    yield root, settings, port
    server.terminate()
    server.wait(timeout=10)


def api(port: int, **params: str) -> dict:
    query = urllib.parse.urlencode({**params, "format": "json", "formatversion": "2"})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api.php?{query}", timeout=30) as r:
        return json.load(r)


def import_dump(settings: Path, dump: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["php", str(MEDIAWIKI / "maintenance" / "importDump.php"), "--conf", str(settings),
         str(dump)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
