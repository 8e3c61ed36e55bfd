"""One capture of a URL, as an archive holds it: where it came from, when, what the server
answered, and how to read its body again (bodies are read when needed, never all held)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# A capture's body, read again from its archive: bytes of the HTTP payload, decoded from any
# transfer and content encoding.
BodyReader = Callable[[], bytes]


@dataclass(frozen=True, slots=True)
class Capture:
    url: str  # the original URL (Wayback's rewriting undone)
    timestamp: str | None  # capture time, YYYYMMDDhhmmss; None where the archive keeps none
    status: int | None  # HTTP status; None where the archive keeps none (a mirror: 2xx)
    content_type: str  # the MIME type, lowercased, without parameters ("" when unknown)
    origin: str  # the archive file (and record) it came from, for the report
    read: BodyReader = field(compare=False, repr=False)
    charset: str | None = None  # from the Content-Type header, when given

    def text(self) -> str:
        """The body as text: its declared charset, else UTF-8 with stray bytes replaced."""
        data = self.read()
        for encoding in (self.charset, "utf-8"):
            if not encoding:
                continue
            try:
                return data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
        return data.decode("utf-8", errors="replace")


def split_content_type(value: str | None) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` -> (``text/html``, ``UTF-8``)."""
    if not value:
        return "", None
    kind, _, rest = value.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, setting = parameter.strip().partition("=")
        if name.strip().lower() == "charset":
            charset = setting.strip().strip("\"'") or None
    return kind.strip().lower(), charset
