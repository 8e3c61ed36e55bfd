"""The one thing that flows through the pipeline: a `Document` and the `Issue`s left on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from mwparserfromhell.nodes import Comment, ExternalLink, Node, Tag, Template, Wikilink
from mwparserfromhell.wikicode import Wikicode

from .content_models import content_model
from .namespaces import DEFAULT, Namespaces
from .parsing import nodes_by_kind, parse_wikitext

# The kinds of node the passes and writers gather from the whole tree, in one shared walk.
WALKED_KINDS: tuple[type[Node], ...] = (Template, Wikilink, Tag, Comment, ExternalLink)
W = TypeVar("W")


def _nodes_by_walked_kind(code: Wikicode) -> dict[type[Node], list[Node]]:
    return nodes_by_kind(code, *WALKED_KINDS)


class Severity(StrEnum):
    """How much a user should care about an issue."""

    INFO = "info"  # a certain change (chrome removed, a marker rebuilt into a <ref>)
    GUESS = "guess"  # a decision the input did not fully determine (a heading level, a template)
    WARNING = "warning"  # something kept as is or dropped that a user should look at
    ERROR = "error"  # a component could not do its job; the page is degraded or failed
    NOTE = "note"  # nothing was changed or lost: said for the record (the status ignores it)


class Status(StrEnum):
    OK = "OK"
    REPAIRED = "REPAIRED"
    DEGRADED = "DEGRADED"
    FAILED = "FAILED"


# components that report on an export, not on the page (`Issue.changed_page`)
EXPORT_COMPONENTS = ("writer", "templates", "verify")


@dataclass(frozen=True)
class Issue:
    """One change, drop or guess made by a component, with enough context to check it."""

    code: str  # stable machine name, e.g. "chrome-removed"
    message: str  # one line for a human
    component: str  # "reader:text", "pass:templates", "writer:markdown"
    severity: Severity = Severity.INFO
    excerpt: str = ""  # the input text concerned (shortened)
    line: int | None = None  # 1-based line of the input, where known
    # text of the page that this issue's change leaves out of the output, whole: what the
    # conservation check and the canaries accept as reported
    dropped: str = ""

    @property
    def changed_page(self) -> bool:
        """Whether this issue is a change the reading or the repairs made to the page (what
        REPAIRED says): not a warning about something left as it is, not a note, and not a
        choice of the export (templates expanded, what a format cannot hold)."""
        return self.severity in (Severity.INFO, Severity.GUESS) and not self.component.startswith(
            EXPORT_COMPONENTS
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return {key: value for key, value in data.items() if value not in (None, "")}


EXCERPT_LIMIT = 160  # long enough to recognise a line, short enough for a one-line report


def shorten(text: str, limit: int = EXCERPT_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class SourceInfo:
    """Where a document came from and how its bytes were read."""

    kind: str  # the reader that produced it ("wikitext", "text", "html", "xml")
    path: str = "-"  # file name as the user gave it, "-" for stdin
    encoding: str = "utf-8"
    size: int = 0  # bytes
    notes: tuple[str, ...] = ()  # what decoding decided (BOM removed, fallback encoding)


@dataclass
class Document:
    """A page: its wikicode tree, title, origin, metadata and the issues components left."""

    wikicode: Wikicode
    source: SourceInfo
    title: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    failed: str | None = None  # the reason, when a component could not finish the page
    # the wiki's namespace names (a dump's <siteinfo>; otherwise every language's, built in)
    namespaces: Namespaces = field(default=DEFAULT, repr=False, compare=False)
    # (tree, text): the text ``tree`` was parsed from, kept by the reader that parsed it. The
    # repairs start from the page's text; this spares rendering the whole tree to get it. Only
    # good for that very tree before anything edits it, so `text_for_repairs` takes it once.
    parsed_from: tuple[Wikicode, str] | None = field(default=None, repr=False, compare=False)
    reports: int = field(default=0, init=False, repr=False, compare=False)  # issues ever made
    # (tree, reports, walks by name): the walks of the tree made since it last changed
    _walks: tuple[Wikicode, int, dict[str, Any]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @classmethod
    def from_wikitext(cls, text: str, source: SourceInfo, title: str = "") -> Document:
        code = parse_wikitext(text)
        return cls(wikicode=code, source=source, title=title, parsed_from=(code, text))

    def text_for_repairs(self) -> str:
        """The page's wikitext as the repairs first see it: the text the reader parsed when
        the tree is still the one it parsed from it (a parse writes its text back exactly),
        else the tree rendered. Taken once: later edits make it stale."""
        recorded, self.parsed_from = self.parsed_from, None
        if recorded is not None and recorded[0] is self.wikicode:
            return recorded[1]
        return str(self.wikicode)

    def walked(self, name: str, walk: Callable[[Wikicode], W]) -> W:
        """``walk(self.wikicode)``, made once for every component that asks until the page
        changes: every change to the tree is reported (the repair rounds rely on that too, and
        tests/test_walk.py checks every pass keeps to it), so a walk stays good while the tree
        is the same object and no issue was made since. The result is shared: read it, do not
        change it (a cache made this way, as `holders.rendered_for`'s, only gains entries)."""
        walks = self._walks
        if walks is None or walks[0] is not self.wikicode or walks[1] != self.reports:
            walks = self._walks = (self.wikicode, self.reports, {})
        if name not in walks[2]:
            walks[2][name] = walk(self.wikicode)
        return walks[2][name]

    def nodes_by_kind(self, *kinds: type[Node]) -> dict[type[Node], list[Node]]:
        """Each kind's nodes in the tree, nested ones included, in page order (kinds of
        `WALKED_KINDS`), from one shared walk (`walked`); the lists are the caller's own."""
        found = self.walked("nodes", _nodes_by_walked_kind)
        return {kind: list(found[kind]) for kind in kinds}

    @property
    def content_model(self) -> str:
        """`wikitext`, or the model of a page of code (`Scribunto`, `css`, `javascript`,
        `json`): what the dump declares (``metadata["content_model"]``), else by its title."""
        return content_model(self.title, self.metadata.get("content_model"), self.namespaces)

    @property
    def text(self) -> str:
        """The page's wikitext as it stands now."""
        return str(self.wikicode)

    def report(
        self,
        code: str,
        message: str,
        component: str,
        severity: Severity = Severity.INFO,
        excerpt: str = "",
        line: int | None = None,
        dropped: str = "",
    ) -> Issue:
        issue = Issue(code, message, component, severity, shorten(excerpt), line, dropped)
        self.issues.append(issue)
        self.reports += 1
        return issue

    @property
    def fell_back(self) -> bool:
        """Whether the page ran out of its budget and was kept as its raw text (`fallback`)."""
        return any(issue.code == "page-budget" for issue in self.issues)

    @property
    def status(self) -> Status:
        if self.failed:
            return Status.FAILED
        if any(issue.severity is Severity.ERROR for issue in self.issues):
            return Status.DEGRADED
        if any(issue.changed_page for issue in self.issues):
            return Status.REPAIRED
        return Status.OK

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": asdict(self.source),
            "status": str(self.status),
            "failed": self.failed,
            # (the word tables `verify` keeps while it works are no report)
            "metadata": {k: v for k, v in self.metadata.items() if not k.startswith("verify:")},
            "issues": [issue.to_json() for issue in self.issues],
        }
