"""Text widths without a font engine: Liberation Sans metrics (metric-compatible with Arial,
and the font embedded in every PDF), so pure layouts in `domain` can measure their labels."""

from __future__ import annotations

from functools import lru_cache

_CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~åäöÅÄÖéü–—…·×'  # fmt: skip
_WIDTHS = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 556, 556, 556, 667, 667, 778, 556, 556, 556, 1000, 1000, 333, 584]  # fmt: skip
_WIDTH = dict(zip(_CHARS, _WIDTHS, strict=True))


@lru_cache(maxsize=8192)
def _units(text: str) -> int:
    # Cached: placing a year's labels measures the same titles thousands of times.
    return sum(_WIDTH.get(c, 600) for c in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    return _units(text) * size / 1000.0 * (1.05 if bold else 1.0)


def fit_text(text: str, size: float, width: float, bold: bool = False) -> str:
    """`text`, shortened with an ellipsis to fit `width` ('' when not even one letter fits)."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


def wrap_text(
    text: str, size: float, width: float, max_lines: int, bold: bool = False
) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if text_width(trial, size, bold) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit_text(lines[-1] + " …", size, width, bold)
    return [fit_text(line, size, width, bold) for line in lines]


_WIDTH["\u00a0"] = 278  # no-break space: the thousands separator of Swedish numbers
_WIDTH["−"] = 584  # minus sign
