"""Parser functions and magic words a static expansion can evaluate: ``#if``, ``#ifeq``,
``#switch``, ``#tag``, ``#expr`` (arithmetic only), case functions, ``{{!}}``, ``{{PAGENAME}}``.

Each handler gets the expander, the text after the function's colon (its first argument), the
template node and the calling arguments, and returns wikitext. Branches are expanded only when
taken, as in MediaWiki.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote

from mwparserfromhell.nodes import Template

from ..parsing import parse_wikitext

if TYPE_CHECKING:
    from .expand import Expander

Handler = Callable[["Expander", str, Template, dict[str, str], int], str]

# Names that are functions with a colon but no '#'.
_PLAIN_FUNCTIONS = (
    "lc",
    "uc",
    "lcfirst",
    "ucfirst",
    "urlencode",
    "anchorencode",
    "formatnum",
    "padleft",
    "padright",
)
# Magic words without arguments.
_VARIABLES = ("PAGENAME", "FULLPAGENAME", "PAGENAMEE", "BASEPAGENAME", "!", "=")
# Magic words that set page metadata and print nothing.
_METADATA = ("DEFAULTSORT", "DEFAULTSORTKEY", "DEFAULTCATEGORYSORT", "DISPLAYTITLE")


def split_function(raw: str) -> tuple[str | None, str]:
    """(function name, its first argument) when ``raw`` names a parser function or magic
    word, else (None, "")."""
    if raw in _VARIABLES:
        return raw, ""
    if raw.startswith("#") and ":" in raw:
        name, first = raw.split(":", 1)
        return name.strip().lower(), first
    if raw.startswith("#"):
        return raw.strip().lower(), ""
    if ":" in raw:
        name, first = raw.split(":", 1)
        if name.strip().lower() in _PLAIN_FUNCTIONS:
            return name.strip().lower(), first
        if name.strip().upper() in _METADATA:
            return "metadata", first
    return None, ""


def _arg(expander: Expander, node: Template, index: int, args, depth: int) -> str | None:
    """The expanded value of the node's ``index``-th parameter (0-based), whole (a ``=`` in it
    is text, as for parser functions), or None."""
    if index >= len(node.params):
        return None
    param = node.params[index]
    value = expander.expand_code(param.value, args, depth)
    if param.showkey:
        return expander.expand_code(param.name, args, depth) + "=" + value
    return value


def _first(expander: Expander, first: str, args, depth: int) -> str:
    return expander.expand_code(parse_wikitext(first), args, depth).strip()


def _if(expander, first, node, args, depth) -> str:
    branch = 0 if _first(expander, first, args, depth) else 1
    return (_arg(expander, node, branch, args, depth) or "").strip()


def _ifeq(expander, first, node, args, depth) -> str:
    left = _first(expander, first, args, depth)
    right = (_arg(expander, node, 0, args, depth) or "").strip()
    branch = 1 if _same(left, right) else 2
    return (_arg(expander, node, branch, args, depth) or "").strip()


def _same(left: str, right: str) -> bool:
    try:
        return float(left) == float(right)
    except ValueError:
        return left == right


def _switch(expander, first, node, args, depth) -> str:
    """MediaWiki's #switch: the first case equal to the value (cases without a result fall
    through to the next result), else #default, else a last value without a case."""
    value = _first(expander, first, args, depth)
    found = False
    default = None
    for param in node.params:
        if param.showkey:
            case = expander.expand_code(param.name, args, depth).strip()
            if found or _same(value, case):
                return expander.expand_code(param.value, args, depth).strip()
            if case == "#default":
                default = expander.expand_code(param.value, args, depth).strip()
        elif _same(value, expander.expand_code(param.value, args, depth).strip()):
            found = True
    if node.params and not node.params[-1].showkey:
        return expander.expand_code(node.params[-1].value, args, depth).strip()
    return default or ""


def _tag(expander, first, node, args, depth) -> str:
    name = _first(expander, first, args, depth)
    content = (_arg(expander, node, 0, args, depth) or "") if node.params else None
    attributes = []
    for param in node.params[1:]:
        if param.showkey:
            key = expander.expand_code(param.name, args, depth).strip()
            value = expander.expand_code(param.value, args, depth).strip().strip("\"'")
            attributes.append(f' {key}="{value}"')
    if content is None:
        return f"<{name}{''.join(attributes)} />"
    return f"<{name}{''.join(attributes)}>{content}</{name}>"


_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def _expr(expander, first, node, args, depth) -> str:
    text = _first(expander, first, args, depth).replace("^", "**").replace(" mod ", " % ")
    try:
        value = _evaluate(ast.parse(text, mode="eval").body)
    except (SyntaxError, ValueError, TypeError, ZeroDivisionError, OverflowError):
        return '<strong class="error">Expression error</strong>'
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _evaluate(tree: ast.AST) -> float:
    if isinstance(tree, ast.Constant) and isinstance(tree.value, int | float):
        return tree.value
    if isinstance(tree, ast.BinOp) and type(tree.op) in _OPERATORS:
        if isinstance(tree.op, ast.Pow) and abs(_evaluate(tree.right)) > 100:
            raise ValueError("exponent too large")
        return _OPERATORS[type(tree.op)](_evaluate(tree.left), _evaluate(tree.right))
    if isinstance(tree, ast.UnaryOp) and type(tree.op) in _OPERATORS:
        return _OPERATORS[type(tree.op)](_evaluate(tree.operand))
    raise ValueError("not arithmetic")


def _case(function: Callable[[str], str]) -> Handler:
    def handler(expander, first, node, args, depth) -> str:
        return function(_first(expander, first, args, depth))

    return handler


def _variable(value: Callable[[Expander], str]) -> Handler:
    def handler(expander, first, node, args, depth) -> str:
        return value(expander)

    return handler


PARSER_FUNCTIONS: dict[str, Handler] = {
    "#if": _if,
    "#ifeq": _ifeq,
    "#switch": _switch,
    "#tag": _tag,
    "#expr": _expr,
    "lc": _case(str.lower),
    "uc": _case(str.upper),
    "lcfirst": _case(lambda s: s[:1].lower() + s[1:]),
    "ucfirst": _case(lambda s: s[:1].upper() + s[1:]),
    "urlencode": _case(lambda s: quote(s.replace(" ", "+"), safe="+")),
    "anchorencode": _case(lambda s: s.replace(" ", "_")),
    "formatnum": _case(lambda s: s),
    "metadata": _variable(lambda e: ""),
    "!": _variable(lambda e: "|"),
    "=": _variable(lambda e: "="),
    "PAGENAME": _variable(lambda e: e.page_title),
    "FULLPAGENAME": _variable(lambda e: e.page_title),
    "PAGENAMEE": _variable(lambda e: e.page_title.replace(" ", "_")),
    "BASEPAGENAME": _variable(lambda e: e.page_title.split("/")[0]),
}
