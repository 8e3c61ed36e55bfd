"""Integration: the mediawiki-xml export imports into a real MediaWiki 1.39 and renders.

Needs Debian's `mediawiki` and `php-sqlite3` packages (`.ci/run` installs them; the test skips
when they are absent). The test installs a throwaway wiki on SQLite in a temporary folder,
enables Cite and ParserFunctions, imports the export with `importDump.php`, serves the wiki
with PHP's built-in server on loopback and asks its API for each page.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from wikirecover import convert

MEDIAWIKI = Path("/usr/share/mediawiki")
pytestmark = pytest.mark.skipif(
    shutil.which("php") is None or not (MEDIAWIKI / "maintenance" / "install.php").exists(),
    reason="MediaWiki (Debian packages mediawiki, php-sqlite3) is not installed",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def wiki(tmp_path_factory):
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


def _api(port: int, **params: str) -> dict:
    query = urllib.parse.urlencode({**params, "format": "json", "formatversion": "2"})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api.php?{query}", timeout=30) as r:
        return json.load(r)


def test_exported_pages_import_and_render(wiki, samples: Path) -> None:
    root, settings, port = wiki
    documents = []
    for sample in ("terrorism_in_Kazakhstan.txt", "lighthouse_dump.txt", "truncated_export.xml"):
        documents += [r.document for r in convert(samples / sample, to="wikitext")]
    from wikirecover.writers.mediawiki_xml import export_xml

    dump = root / "import.xml"
    dump.write_text(export_xml(documents), encoding="utf-8")
    done = subprocess.run(
        [
            "php",
            str(MEDIAWIKI / "maintenance" / "importDump.php"),
            "--conf",
            str(settings),
            str(dump),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for doc in documents:
        parsed = _api(port, action="parse", page=doc.title, prop="text|categories")
        assert "error" not in parsed, (doc.title, parsed.get("error"))
        html = parsed["parse"]["text"]
        assert "mw-parser-output" in html
        # Cite complains only where the report already said so: a reference whose every
        # citation the dump lost is kept list-defined (MediaWiki shows it as unused).
        errors = re.findall(r'<span class="error mw-ext-cite-error".*?</span>', html)
        reported = [i for i in doc.issues if i.code == "ref-list-defined"]
        assert len(errors) == len(reported), errors
        assert "&lt;ref" not in re.sub(r'<span class="error mw-ext-cite-error".*?</span>', "", html)
        revision = _api(
            port,
            action="query",
            prop="revisions",
            titles=doc.title,
            rvprop="content",
            rvslots="main",
        )
        content = revision["query"]["pages"][0]["revisions"][0]["slots"]["main"]["content"]
        assert content == doc.text.rstrip("\n") or content == doc.text
    seed = _api(port, action="parse", page="Terrorism in Kazakhstan", prop="text")["parse"]
    assert 'class="reference"' in seed["text"] and "Hizb" in seed["text"]
