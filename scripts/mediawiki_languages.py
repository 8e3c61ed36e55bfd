"""Regenerate `src/wikirecover/data/languages.json` from a MediaWiki source tree.

    python scripts/mediawiki_languages.py /usr/share/mediawiki

Reads every `languages/messages/Messages*.php` (`$namespaceNames`, `$namespaceAliases`,
`$namespaceGenderAliases`, the `redirect` magic word, `$fallback`), `includes/Defines.php` (the
namespace numbers) and the interface messages in `MESSAGES` from `languages/i18n/*.json`. The
output holds, per language code, the names and aliases of each namespace number (underscores as
spaces), the redirect words, those messages and the fallback languages. Names holding `$1` (the
project's talk namespace, which each wiki names after itself) are left out: a dump's
`<siteinfo>` gives them. Debian's `mediawiki` package (`apt-get download mediawiki`, then
`dpkg-deb -x`) is one such tree; the committed file came from MediaWiki 1.39.17 (Debian 12).

It also writes `data/interface.json`: per language, the skin's words in `INTERFACE` (core, the
MonoBook and Vector skins, Cite), as each language's own message file has them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_DEFINE = re.compile(r"define\(\s*'(NS_[A-Z_]+)',\s*(-?\d+)\s*\)")
_BLOCK = r"\${name}\s*=\s*\[(.*?)\n\];"
_STRING = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")"""
_NAME_ENTRY = re.compile(r"(NS_[A-Z_]+)\s*=>\s*" + _STRING)
_ALIAS_ENTRY = re.compile(_STRING + r"\s*=>\s*(NS_[A-Z_]+)")
_FALLBACK = re.compile(r"\$fallback\s*=\s*" + _STRING)
_REDIRECT = re.compile(r"'redirect'\s*=>\s*\[([^\]]*)\]")
# interface messages the writers print: the table of contents' title, a redirect's label
MESSAGES = ("toc", "redirectto")
# the skin's words around a rendered page, which readers take away (`interface.py`): i18n folder
# under the tree -> message keys; written to `data/interface.json`
INTERFACE = {
    "languages/i18n": (
        "tagline",
        "jumpto",
        "jumptonavigation",
        "jumptosearch",
        "editsection",
        "toc",
        "showtoc",
        "hidetoc",
        "retrievedfrom",
        "pagecategories",
        "redirectedfrom",
        "navigation-heading",
        "personaltools",
        "views",
        "navigation",
        "toolbox",
        "colon-separator",
        "lastmodifiedat",
    ),
    "skins/MonoBook/i18n": ("monobook-jumptonavigation", "monobook-jumptosearch"),
    "skins/Vector/i18n": ("vector-jumptonavigation", "vector-jumptosearch"),
    "extensions/Cite/i18n": (
        "cite_error",
        "cite_references_link_accessibility_label",
        "cite_references_link_many_accessibility_label",
    ),
}


def _block(source: str, name: str) -> str:
    match = re.search(_BLOCK.replace("{name}", name), source, re.DOTALL)
    return match.group(1) if match else ""


def _string(match: re.Match[str], first: int) -> str:
    value = match.group(first) if match.group(first) is not None else match.group(first + 1)
    return value.replace("\\'", "'").replace('\\"', '"').replace("_", " ").strip()


def language(path: Path, numbers: dict[str, int]) -> dict:
    source = path.read_text(encoding="utf-8")
    names: dict[str, list[str]] = {}

    def add(constant: str, name: str) -> None:
        if constant not in numbers or not name or "$1" in name:
            return
        entry = names.setdefault(str(numbers[constant]), [])
        if name not in entry:
            entry.append(name)

    for match in _NAME_ENTRY.finditer(_block(source, "namespaceNames")):
        add(match.group(1), _string(match, 2))
    for match in _ALIAS_ENTRY.finditer(_block(source, "namespaceAliases")):
        add(match.group(3), _string(match, 1))
    gender = _block(source, "namespaceGenderAliases")
    for line in gender.splitlines():
        constant = re.match(r"\s*(NS_[A-Z_]+)\s*=>", line)
        if constant:
            for value in re.finditer(r"=>\s*" + _STRING, line[constant.end() :]):
                add(constant.group(1), _string(value, 1))
    fallback = _FALLBACK.search(source)
    entry: dict = {"namespaces": names}
    redirect = _REDIRECT.search(source)
    if redirect:
        words = [_string(m, 1) for m in re.finditer(_STRING, redirect.group(1))]
        entry["redirect"] = [w for w in words if w.startswith("#")]
    if fallback:
        entry["fallback"] = [code.strip() for code in _string(fallback, 1).split(",")]
    return entry


def main(root: str) -> None:
    tree = Path(root)
    numbers = {
        name: int(number)
        for name, number in _DEFINE.findall((tree / "includes/Defines.php").read_text())
    }
    languages: dict[str, dict] = {}
    for path in sorted((tree / "languages/messages").glob("Messages*.php")):
        code = path.stem.removeprefix("Messages").lower().replace("_", "-")
        languages[code] = language(path, numbers)
    for path in sorted((tree / "languages/i18n").glob("*.json")):
        messages = json.loads(path.read_text(encoding="utf-8"))
        found = {key: messages[key] for key in MESSAGES if messages.get(key)}
        if found:
            languages.setdefault(path.stem.lower(), {"namespaces": {}})["messages"] = found
    languages = {
        code: {key: value for key, value in entry.items() if value}
        for code, entry in sorted(languages.items())
    }
    out = Path(__file__).resolve().parents[1] / "src/wikirecover/data/languages.json"
    out.write_text(
        json.dumps({"languages": languages}, ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"{len(languages)} languages -> {out.name} ({out.stat().st_size} bytes)")
    interface: dict[str, dict[str, str]] = {}
    for folder, keys in INTERFACE.items():
        for path in sorted((tree / folder).glob("*.json")):
            if path.stem == "qqq":  # documentation of the messages, not a language
                continue
            messages = json.loads(path.read_text(encoding="utf-8"))
            found = {key: messages[key] for key in keys if messages.get(key)}
            if found:
                interface.setdefault(path.stem.lower(), {}).update(found)
    words = out.with_name("interface.json")
    words.write_text(
        json.dumps(dict(sorted(interface.items())), ensure_ascii=False, separators=(",", ":"))
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(interface)} languages -> {words.name} ({words.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/mediawiki")
