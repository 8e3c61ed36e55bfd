"""The extension tags a static page can still show as MediaWiki does: formulas (`<math>`),
highlighted code (`<syntaxhighlight>`, `<source>`) and image galleries (`<gallery>`).

- `<math>`: the TeX is kept, as MathJax and KaTeX read it: `\\(…\\)` in a `span.math.inline`,
  `\\[…\\]` in a `div.math.display` (`display="block"`), which the Markdown writer turns into
  `$…$` and `$$…$$`;
- `<syntaxhighlight lang=X>`: the code in `div.mw-highlight.mw-highlight-lang-X > pre` (the
  markup SyntaxHighlight writes, without its colours), `inline` in a `code`; Markdown fences it
  with its language;
- `<gallery>`: MediaWiki's traditional gallery, `ul.gallery` of `li.gallerybox`, each image
  with its caption.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from mwparserfromhell.nodes import Tag

from ..parsing import parse_wikitext

_LANGUAGE = re.compile(r"[\w+#.-]{1,40}")


def attributes(node: Tag) -> dict[str, str]:
    found = {}
    for attribute in node.attributes:
        value = str(attribute.value).strip() if attribute.value is not None else ""
        found[str(attribute.name).strip().lower()] = value
    return found


def math_html(node: Tag) -> tuple[str, bool]:
    """(html, inline?) of a `<math>` tag: a formula is inline but with `display="block"`."""
    tex = html.escape(str(node.contents or "").strip(), quote=False)
    if attributes(node).get("display", "").lower() == "block":
        return f'<div class="math display">\\[{tex}\\]</div>', False
    return f'<span class="math inline">\\({tex}\\)</span>', True


def code_html(node: Tag) -> tuple[str, bool]:
    """(html, inline?) of a `<syntaxhighlight>` or `<source>` tag."""
    given = attributes(node)
    language = given.get("lang", "").lower()
    language = language if _LANGUAGE.fullmatch(language) else ""
    classes = "mw-highlight" + (f" mw-highlight-lang-{language}" if language else "")
    code = str(node.contents or "")
    if "inline" in given:
        return f'<code class="{classes}">{html.escape(code.strip(), quote=False)}</code>', True
    body = html.escape(code.strip("\n"), quote=False)
    return f'<div class="{classes} mw-content-ltr" dir="ltr"><pre>{body}</pre></div>', False


def code_language(classes: str) -> str:
    """The language of a highlighted block from its classes (`mw-highlight-lang-ruby`)."""
    match = re.search(r"\bmw-highlight-lang-([\w+#.-]+)", classes)
    return match.group(1) if match else ""


def gallery_html(
    node: Tag,
    file_prefixes: Callable[[str], bool],
    image: Callable[[str], tuple[str, str]],
    inline: Callable[[str], str],
) -> str:
    """A `<gallery>`: one box a line `File:Name.jpg|options|caption` (the namespace may be
    left out). ``file_prefixes`` tells whether a line names its file's namespace, ``image``
    gives (page URL, image URL) of a file name, ``inline`` renders a caption's wikitext."""
    from .wikitext_to_html import _image_parts, _is_image_option

    items = []
    caption = attributes(node).get("caption", "")
    if caption:
        items.append(f'<li class="gallerycaption">{inline(caption)}</li>')
    for line in str(node.contents or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        target, _, rest = line.partition("|")
        prefix, colon, name = target.partition(":")
        name = name.strip() if colon and file_prefixes(prefix) else target.strip()
        if not name:
            continue
        parts = _image_parts(parse_wikitext(rest)) if rest else []
        text = next((p for p in reversed(parts) if not _is_image_option(p)), "")
        alt = next((p.split("=", 1)[1] for p in parts if p.strip().startswith("alt=")), "")
        page, source = image(name)
        label = inline(text) if text.strip() else ""
        alt_text = html.escape(alt or parse_wikitext(text).strip_code().strip() or name)
        items.append(
            '<li class="gallerybox"><div class="thumb">'
            f'<a href="{html.escape(page)}" class="image"><img alt="{alt_text}" '
            f'src="{html.escape(source)}" /></a></div>'
            f'<div class="gallerytext">{label}</div></li>'
        )
    return '<ul class="gallery mw-gallery-traditional">\n' + "\n".join(items) + "\n</ul>"
