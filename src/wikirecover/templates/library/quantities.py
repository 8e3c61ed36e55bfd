"""Dates (birth, death, start...) and `convert`."""

from __future__ import annotations

import calendar
import datetime
import math
import re
from typing import TYPE_CHECKING

from ..builtin import Params, builtin

if TYPE_CHECKING:
    from ..expand import Expander


def _date(params: Params, offset: int = 0) -> datetime.date | None:
    try:
        year = int(params.get(str(1 + offset), "").strip())
        month = int(params.get(str(2 + offset), "1").strip() or 1)
        day = int(params.get(str(3 + offset), "1").strip() or 1)
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _format_date(date: datetime.date, params: Params) -> str:
    month = calendar.month_name[date.month]
    if params.get("df", "").strip().lower() in ("y", "yes", "1") or (
        params.get("mf") is None and (params.get("df") is not None)
    ):
        return f"{date.day} {month} {date.year}"
    return f"{month} {date.day}, {date.year}"


def _age(born: datetime.date, at: datetime.date) -> int:
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


@builtin("birth date", "death date", "start date", "end date", "dob", "release date")
def date(params: Params, expander: Expander) -> str | None:
    value = _date(params)
    return _format_date(value, params) if value else None


@builtin("birth date and age", "bda")
def birth_date_and_age(params: Params, expander: Expander) -> str | None:
    born = _date(params)
    if born is None:
        return None
    return f"{_format_date(born, params)} (age&nbsp;{_age(born, datetime.date.today())})"


@builtin("death date and age", "dda")
def death_date_and_age(params: Params, expander: Expander) -> str | None:
    died, born = _date(params), _date(params, 3)
    if died is None or born is None:
        return None
    return f"{_format_date(died, params)} (aged&nbsp;{_age(born, died)})"


# (symbol, name, factor to the base unit, the unit it converts to by default)
UNITS = {
    "km": ("km", "kilometres", 1000.0, "mi"),
    "m": ("m", "metres", 1.0, "ft"),
    "cm": ("cm", "centimetres", 0.01, "in"),
    "mm": ("mm", "millimetres", 0.001, "in"),
    "mi": ("mi", "miles", 1609.344, "km"),
    "ft": ("ft", "feet", 0.3048, "m"),
    "in": ("in", "inches", 0.0254, "cm"),
    "yd": ("yd", "yards", 0.9144, "m"),
    "kg": ("kg", "kilograms", 1.0, "lb"),
    "lb": ("lb", "pounds", 0.45359237, "kg"),
    "t": ("t", "tonnes", 1000.0, "LT"),
    "g": ("g", "grams", 0.001, "oz"),
    "oz": ("oz", "ounces", 0.028349523125, "g"),
    "km2": ("km<sup>2</sup>", "square kilometres", 1e6, "sqmi"),
    "sqmi": ("sq&nbsp;mi", "square miles", 2589988.110336, "km2"),
    "ha": ("ha", "hectares", 1e4, "acre"),
    "acre": ("acres", "acres", 4046.8564224, "ha"),
    "m2": ("m<sup>2</sup>", "square metres", 1.0, "sqft"),
    "sqft": ("sq&nbsp;ft", "square feet", 0.09290304, "m2"),
    "km/h": ("km/h", "kilometres per hour", 1 / 3.6, "mph"),
    "mph": ("mph", "miles per hour", 0.44704, "km/h"),
    "l": ("L", "litres", 1.0, "impgal"),
    "L": ("L", "litres", 1.0, "impgal"),
    "impgal": ("imp&nbsp;gal", "imperial gallons", 4.54609, "L"),
    "usgal": ("US&nbsp;gal", "US gallons", 3.785411784, "L"),
    "LT": ("long tons", "long tons", 1016.0469088, "t"),
}
_KINDS = [
    {"km", "m", "cm", "mm", "mi", "ft", "in", "yd"},
    {"kg", "lb", "t", "g", "oz", "LT"},
    {"km2", "sqmi", "ha", "acre", "m2", "sqft"},
    {"km/h", "mph"},
    {"l", "L", "impgal", "usgal"},
]


@builtin("convert", "cvt")
def convert(params: Params, expander: Expander) -> str | None:
    values = [params.get(str(n), "").strip() for n in range(1, 6)]
    try:
        amount = float(values[0].replace(",", ""))
    except ValueError:
        return None
    unit, target = values[1], values[2]
    if unit in ("to", "-", "and", "by"):  # ranges: {{convert|1|to|2|km}}
        return None
    if unit in ("C", "F"):
        other = amount * 9 / 5 + 32 if unit == "C" else (amount - 32) * 5 / 9
        other_unit = "F" if unit == "C" else "C"
        return f"{values[0]}&nbsp;°{unit} ({_round(other, values[0])}&nbsp;°{other_unit})"
    if unit not in UNITS:
        return None
    symbol, name, factor, default = UNITS[unit]
    target = target if target in UNITS else default
    if not any(unit in k and target in k for k in _KINDS):
        return None
    other = amount * factor / UNITS[target][2]
    abbreviated = params.get("abbr", "").strip() == "on" or expander is None
    shown = symbol if abbreviated else name
    return f"{values[0]}&nbsp;{shown} ({_round(other, values[0])}&nbsp;{UNITS[target][0]})"


def _round(value: float, like: str) -> str:
    """``value`` to about the precision of the input ``like`` (two significant figures at least,
    as Wikipedia's convert does: 5 km is 3.1 mi, 100 km is 62 mi, 1.5 km is 0.93 mi)."""
    if value == 0:
        return "0"
    digits = re.sub(r"[^0-9]", "", like)
    if "." not in like:
        digits = digits.rstrip("0")
    significant = max(2, min(4, len(digits.lstrip("0"))))
    decimals = max(0, significant - 1 - math.floor(math.log10(abs(value))))
    return f"{round(value, decimals):,.{decimals}f}"
