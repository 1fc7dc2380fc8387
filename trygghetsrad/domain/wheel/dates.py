"""Swedish dates found in running text, such as minutes: "26 maj 2023", "25–27 augusti 2023",
"11 maj klockan 10–12", "30 juni–2 juli", "2023-05-26". Used to suggest items for the wheel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from trygghetsrad.domain import calendar_items as ci

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{name}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?:\s+(?P<year>(?:19|20)\d\d))?"
_TIME = (
    r"(?:,?\s+(?:klockan|kl\.?)\s*(?P<h1>\d{1,2})(?:[.:](?P<m1>\d\d))?"
    r"(?:" + _DASH + r"(?P<h2>\d{1,2})(?:[.:](?P<m2>\d\d))?)?)?"
)
_B = r"(?<![\w\d])"
_E = r"(?![\w])"

_PATTERNS = [
    # 30 juni–2 juli 2023
    re.compile(
        _B + r"(?P<d1>\d{1,2})\s+" + _MONTH.format(name="mo1") + _DASH
        + r"(?P<d2>\d{1,2})\s+" + _MONTH.format(name="mo2") + _YEAR + _TIME + _E,
        re.IGNORECASE,
    ),
    # 25–27 augusti 2023
    re.compile(
        _B + r"(?P<d1>\d{1,2})" + _DASH + r"(?P<d2>\d{1,2})\s+" + _MONTH.format(name="mo2")
        + _YEAR + _TIME + _E,
        re.IGNORECASE,
    ),
    # (den) 26 maj 2023 (klockan 10–12)
    re.compile(
        _B + r"(?P<d1>\d{1,2})\s+" + _MONTH.format(name="mo2") + _YEAR + _TIME + _E,
        re.IGNORECASE,
    ),
    # 2023-05-26
    re.compile(
        _B + r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)" + _TIME + r"(?!\d)", re.IGNORECASE
    ),
]  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    start: date
    end: date | None
    start_time: time | None
    end_time: time | None
    text: str  # the matched words, e.g. "25–27 augusti 2023"
    offset: int  # where they start in the source text
    title: str  # a suggested title from the surrounding sentence
    category: str  # a guessed ring


def _time(hour: str | None, minute: str | None) -> time | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59:
        return None
    return time(0, 0) if h == 24 else time(h, m)


def _mention(match: re.Match[str], default_year: int) -> tuple[date, date | None] | None:
    g = match.groupdict()
    try:
        if g.get("iy"):
            return date(int(g["iy"]), int(g["im"]), int(g["id"])), None
        year = int(g["year"]) if g.get("year") else default_year
        month2 = _MONTHS[g["mo2"].lower()]
        month1 = _MONTHS[g["mo1"].lower()] if g.get("mo1") else month2
        first = date(year if month1 <= month2 else year - 1, month1, int(g["d1"]))
        last = date(year, month2, int(g["d2"])) if g.get("d2") else None
    except (ValueError, KeyError):
        return None
    if last is not None and last < first:
        return None
    return first, last


_STOP = re.compile(
    r"\s+(?:kommer|ska|skall|genomförs|genomfors|är|ar|planeras|äger|infaller)\b.*$", re.IGNORECASE
)


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence text before and after the match (bullets and brackets stripped)."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    lo = 0 if lo < 0 else lo + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo:start], text[end:hi]


def _clean(part: str) -> str:
    part = re.sub(r"\s+", " ", part).strip(" -–•*()[],.:;\n\t")
    part = re.sub(r"\b(?:den|på|pa|i|under|från|fran|för|for)$", "", part, flags=re.I).strip()
    return part.strip(" -–•*()[],.:;")


def _suggest_title(before: str, after: str) -> str:
    head = _clean(_STOP.sub("", re.sub(r"\s+", " ", before)))
    if head:
        return head[:80]
    tail = re.sub(r"^\s*\)?\s*(?:för|for|med|i)\s+", "", after.strip(), flags=re.I)
    tail = _clean(tail)[:80]
    return tail + ")" if tail.count("(") > tail.count(")") else tail


_CATEGORY_HINTS = [
    (ci.MEETINGS, ("möte", "mote", "träff", "traff", "gruppen", "trygghetsråd", "trygghetsrad")),
    (ci.CAMPAIGNS, ("kampanj",)),
    (ci.LAW_CHANGES, ("lag", "träder i kraft", "trader i kraft")),
    (ci.MEASUREMENTS, ("mätning", "matning", "avlopp", "enkät", "enkat")),
]


def _guess_category(context: str) -> str:
    low = context.lower()
    for key, words in _CATEGORY_HINTS:
        if any(w in low for w in words):
            return key
    return ci.EVENTS


def find_dates(text: str, default_year: int) -> list[DateMention]:
    """Every date mention in `text`, in order; a mention without a year gets `default_year`."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            days = _mention(match, default_year)
            if days is None:
                continue
            taken.append((s, e))
            g = match.groupdict()
            start_time = _time(g.get("h1"), g.get("m1"))
            end_time = _time(g.get("h2"), g.get("m2")) if start_time else None
            before, after = _sentence(text, s, e)
            found.append(
                DateMention(
                    start=days[0],
                    end=days[1],
                    start_time=start_time,
                    end_time=end_time,
                    text=match.group(0).strip(),
                    offset=s,
                    title=_suggest_title(before, after),
                    category=_guess_category(before + " " + after),
                )
            )
    return sorted(found, key=lambda m: m.offset)
