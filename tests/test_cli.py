"""The command line: exit codes, one-line errors, stdin, reports, listing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wikirecover.cli import EXIT_PAGE_FAILED, EXIT_USAGE, cli

SEED = "terrorism_in_Kazakhstan.txt"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_list_shows_every_kind_of_component() -> None:
    result = run("list")
    assert result.exit_code == 0
    for name in ("text", "html", "wikitext", "xml", "templates", "markdown", "gfm", "rst"):
        assert f"  {name} " in result.output
    assert result.output.startswith("readers:")


def test_help_everywhere() -> None:
    for args in ([], ["convert"], ["list"]):
        result = run(*args, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output


def test_convert_seed_to_wikitext(samples: Path) -> None:
    result = run("convert", str(samples / SEED), "--to", "wikitext")
    assert result.exit_code == 0
    assert "{{Main|Hamas}}" in result.stdout
    assert "terrorism in Kazakhstan: REPAIRED" in result.stderr


def test_stdin_is_read_and_kind_detected(samples: Path) -> None:
    data = (samples / SEED).read_bytes()
    result = run("convert", "-", input=data)
    assert result.exit_code == 0
    assert "<references>" in result.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (lambda tmp: tmp, "is a directory"),
        (lambda tmp: _write(tmp / "empty.txt", b""), "empty input"),
        (lambda tmp: _write(tmp / "blank.txt", b" \n\t\n"), "empty input"),
        (lambda tmp: _write(tmp / "bom.txt", b"\xef\xbb\xbf"), "empty input"),
        (lambda tmp: _write(tmp / "prog", b"\x7fELF\x02\x01\x01" + bytes(200)), "ELF"),
        (lambda tmp: _write(tmp / "blob.bin", bytes(range(256)) * 8), "binary data"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    result = run("convert", str(path))
    assert result.exit_code == EXIT_USAGE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and message in lines[0]


def test_unreadable_file_exit_2(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.txt", b"text")
    path.chmod(0)
    try:
        if path.stat().st_mode and _can_read(path):
            pytest.skip("running as a user who can read any file")
        result = run("convert", str(path))
        assert result.exit_code == EXIT_USAGE
        assert "permission denied" in result.stderr
    finally:
        path.chmod(0o644)


def test_unknown_format_is_a_usage_error(samples: Path) -> None:
    result = run("convert", str(samples / SEED), "--to", "nonsense")
    assert result.exit_code == EXIT_USAGE


def test_report_json(samples: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run(
        "convert", str(samples / SEED), "-o", str(tmp_path / "out.wiki"), "--report", str(report)
    )
    assert result.exit_code == 0
    data = json.loads(report.read_text())
    [page] = data["pages"]
    assert page["status"] == "REPAIRED"
    codes = {issue["code"] for issue in page["issues"]}
    assert {"chrome-removed", "reference-list-rebuilt", "hatnote-restored"} <= codes
    assert (tmp_path / "out.wiki").read_text().startswith("Terrorism in Kazakhstan plays")


def test_multi_page_export_needs_a_folder(samples: Path, tmp_path: Path) -> None:
    dump = samples / "truncated_export.xml"
    assert run("convert", str(dump)).exit_code == EXIT_USAGE
    result = run("convert", str(dump), "-o", str(tmp_path / "pages"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == [
        "Grey_Fell.wiki",
        "Little_Example.wiki",
    ]
    assert "Grey Fell: DEGRADED" in result.stderr


def test_a_line_pandoc_cannot_read_is_degraded_not_the_page(tmp_path: Path) -> None:
    # pandoc fails a whole page on a `/` in a reference name (its exit 64)
    page = _write(tmp_path / "slash.wiki", b'Intro.\n\nText.<ref name="a/b">A source.</ref>\n')
    result = run("convert", str(page), "--to", "pandoc-gfm", "-v")
    assert result.exit_code == 0
    assert "Intro." in result.stdout and "A source." in result.stdout
    assert "degraded-for-pandoc" in result.stderr
    native = run("convert", str(page), "--to", "markdown")  # the native writer has no such limit
    assert native.exit_code == 0 and "A source." in native.stdout


def test_failed_page_exit_3(tmp_path: Path, monkeypatch) -> None:
    from wikirecover.errors import PandocError
    from wikirecover.writers import pandoc_formats

    def crash(*args, **kwargs):
        raise PandocError("pandoc took longer than 60 s")

    monkeypatch.setattr(pandoc_formats, "run_pandoc", crash)
    page = _write(tmp_path / "page.wiki", b"Text.\n")
    result = run("convert", str(page), "--to", "rst")
    assert result.exit_code == EXIT_PAGE_FAILED
    assert "FAILED" in result.stderr


def test_rules_file_extends_the_chrome(samples: Path, tmp_path: Path) -> None:
    dump = _write(tmp_path / "page.txt", b"Mirror banner of Foowiki\n\nBody text[edit]\n\nText.\n")
    rules = _write(tmp_path / "foo.toml", b'[chrome]\ntop_lines = ["Mirror banner of Foowiki"]\n')
    without = run("convert", str(dump), "--from", "text")
    with_rules = run("convert", str(dump), "--from", "text", "--rules", str(rules))
    assert "Mirror banner" in without.stdout
    assert "Mirror banner" not in with_rules.stdout


def test_bad_rules_file_is_a_usage_error(samples: Path, tmp_path: Path) -> None:
    rules = _write(tmp_path / "bad.toml", b"[chrome\n")
    result = run("convert", str(samples / SEED), "--rules", str(rules))
    assert result.exit_code == EXIT_USAGE
    assert "bad.toml" in result.stderr


def test_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from wikirecover.cli import main; main()", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "wikirecover" in done.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def test_binary_formats_go_to_a_file(samples: Path, tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "page.docx"
    result = run("convert", str(samples / "lighthouse_dump.txt"), "--to", "docx", "-o", str(out))
    assert result.exit_code == 0
    with zipfile.ZipFile(out) as archive:
        assert "Lighthouse" in archive.read("word/document.xml").decode("utf-8")


def test_a_page_kept_raw_after_its_budget_exits_3(tmp_path: Path) -> None:
    page = _write(tmp_path / "slow.wiki", b"{{a|" * 4000 + b"}}")  # quadratic to parse
    result = run("convert", str(page), "--page-timeout", "1")
    assert result.exit_code == EXIT_PAGE_FAILED
    assert result.stdout == "{{a|" * 4000 + "}}"  # the raw text is still written
    assert "DEGRADED" in result.stderr


def test_status_says_repaired_only_when_the_page_changed(tmp_path: Path) -> None:
    page = _write(tmp_path / "clean.wiki", b"Text {{Unknown template}}.\n\n<!-- a note -->\n")
    for to in ("gfm", "html", "wikitext"):
        result = run("convert", str(page), "--to", to)
        assert result.exit_code == 0
        assert ": OK (" in result.stderr, (to, result.stderr)
    damaged = _write(tmp_path / "damaged.wiki", b"Text [[link that never closes\n")
    assert ": REPAIRED (" in run("convert", str(damaged)).stderr


def test_a_short_wikitext_page_with_only_namespaced_links_is_wikitext(tmp_path: Path) -> None:
    page = _write(tmp_path / "short.txt", b"See [[Template:Infobox]] and [[Category:Foo]].\n")
    result = run("convert", str(page))
    assert result.stdout == "See [[Template:Infobox]] and [[Category:Foo]].\n"


def test_verify_reports_the_lost_words_not_word_tables(samples: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = run("convert", str(samples / SEED), "--to", "gfm", "--verify", "--report", str(report))
    assert result.exit_code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert not any(key.startswith("verify:") for key in data["pages"][0]["metadata"])
    assert report.stat().st_size < 40_000


def test_repairs_scope_option(tmp_path: Path) -> None:
    page = _write(tmp_path / "p.wiki", b"Main article: Hamas\n\n= Top =\n")
    assert run("convert", str(page)).stdout == "Main article: Hamas\n\n= Top =\n"
    forced = run("convert", str(page), "--repairs", "all").stdout
    assert "{{Main|Hamas}}" in forced and "== Top ==" in forced
