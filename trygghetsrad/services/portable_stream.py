"""Reading a JSON data export record by record, so that a big file is never all in memory.

The standard library has no streaming JSON parser. The export format (docs/data-format.md)
is one object whose `tables` member maps table names to arrays of flat records; this reader
walks that frame itself and leaves every record (and every other member's value) to
`json.JSONDecoder.raw_decode`, reading the file in chunks. Any valid JSON of that shape is
read, however it is laid out; anything else gets the same message as `json.loads` would
give, with its line and column.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from trygghetsrad.errors import UserError, os_error_reason
from trygghetsrad.i18n import tr

CHUNK = 1 << 20  # characters read at a time
_WHITESPACE = " \t\n\r"

# (bytes read, file size) now and then while reading
ByteProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Member:
    """A top-level member (format, format_version, …); for `tables`, its value is TABLES and
    its tables follow as TableStart, Record and TableEnd items."""

    key: str
    value: Any


@dataclass(frozen=True)
class TableStart:
    """`tables.<name>` begins; `is_list` False when its value is no array (then `value`)."""

    name: str
    is_list: bool
    value: Any = None


@dataclass(frozen=True)
class Record:
    table: str
    index: int  # place in its table's array, from 0
    value: Any


@dataclass(frozen=True)
class TableEnd:
    name: str


@dataclass(frozen=True)
class TablesNotObject:
    """`tables` is there but is no object."""

    value: Any


Item = Member | TableStart | Record | TableEnd | TablesNotObject


TABLES = object()  # the value of Member("tables"): its tables follow as items


class _Problem(Exception):
    """Raised inside the reader; turned into the caller's ImportProblem."""


class _Reader:
    def __init__(self, stream: IO[bytes], size: int, progress: ByteProgress | None) -> None:
        self._stream = stream
        self._size = size
        self._progress = progress
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._json = json.JSONDecoder()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._read = 0
        self._lines_before = 0  # newlines in the text already dropped from `buf`
        self._column_before = 0  # characters after the last dropped newline

    def fill(self, grow: bool = False) -> bool:
        """Read the next chunk (`grow`: as much again as is buffered, so that one long value
        is read in a few steps); False at the end of the file."""
        if self.eof:
            return False
        # Drop what has been read, remembering where the rest starts (for messages).
        dropped = self.buf[: self.pos]
        newlines = dropped.count("\n")
        if newlines:
            self._lines_before += newlines
            self._column_before = len(dropped) - dropped.rfind("\n") - 1
        else:
            self._column_before += len(dropped)
        data = self._stream.read(max(CHUNK, len(self.buf) - self.pos) if grow else CHUNK)
        self._read += len(data)
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _Problem(tr("filen är inte UTF-8-text")) from exc
        self.buf = self.buf[self.pos :] + text
        self.pos = 0
        if not data:
            self.eof = True
        if self._progress is not None:
            self._progress(self._read, self._size)
        return bool(data) or bool(text)

    def where(self, pos: int) -> tuple[int, int]:
        """Line and column (from 1) of `pos` in the buffer."""
        line_start = self.buf.rfind("\n", 0, pos)
        line = self._lines_before + self.buf.count("\n", 0, pos) + 1
        column = pos - line_start if line_start >= 0 else self._column_before + pos + 1
        return line, column

    def invalid(self, pos: int | None = None) -> _Problem:
        line, column = self.where(self.pos if pos is None else pos)
        return _Problem(
            tr("filen är inte giltig JSON: rad {line}, kolumn {col}").format(line=line, col=column)
        )

    def skip_ws(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            buf, pos = self.buf, self.pos
            while pos < len(buf) and buf[pos] in _WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(buf):
                return buf[pos]
            if not self.fill():
                return ""

    def expect(self, chars: str) -> str:
        char = self.skip_ws()
        if not char or char not in chars:
            raise self.invalid()
        self.pos += 1
        return char

    def value(self) -> Any:
        """The next JSON value; reads on until it is complete."""
        self.skip_ws()
        while True:
            try:
                value, end = self._json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof:  # perhaps only cut off by the end of the chunk
                    self.fill(grow=True)
                    continue
                raise self.invalid(exc.pos) from None
            except RecursionError:
                raise _Problem(tr("filen är för djupt nästlad")) from None
            # A number at the end of the buffer may go on in the next chunk.
            if end >= len(self.buf) and not self.eof:
                self.fill(grow=True)
                continue
            self.pos = end
            return value


def read_error(source: Path, exc: OSError) -> UserError:
    """What to tell about a data file that can't be opened or read."""
    if isinstance(exc, FileNotFoundError):
        return UserError(tr("Filen {path} finns inte.").format(path=source))
    return UserError(
        tr("Filen {path} kan inte läsas: {reason}.").format(
            path=source, reason=os_error_reason(exc)
        )
    )


def _items(reader: _Reader) -> Iterator[Item]:
    first = reader.skip_ws()
    if first != "{":
        if not first:
            raise reader.invalid()
        reader.value()  # valid JSON that is no object, or the JSON error
        raise _Problem(tr("filen ska innehålla ett JSON-objekt"))
    reader.pos += 1
    if reader.skip_ws() == "}":
        reader.pos += 1
    else:
        while True:
            if reader.skip_ws() != '"':
                raise reader.invalid()
            key = reader.value()
            reader.expect(":")
            if key == "tables" and reader.skip_ws() == "{":
                yield Member(key, TABLES)
                yield from _tables(reader)
            elif key == "tables":
                yield TablesNotObject(reader.value())
            else:
                yield Member(key, reader.value())
            if reader.expect(",}") == "}":
                break
    if reader.skip_ws():
        raise reader.invalid()


def _tables(reader: _Reader) -> Iterator[Item]:
    reader.pos += 1  # the "{"
    if reader.skip_ws() == "}":
        reader.pos += 1
        return
    while True:
        if reader.skip_ws() != '"':
            raise reader.invalid()
        name = reader.value()
        reader.expect(":")
        if reader.skip_ws() != "[":
            yield TableStart(name, False, reader.value())
        else:
            reader.pos += 1
            yield TableStart(name, True)
            index = 0
            if reader.skip_ws() == "]":
                reader.pos += 1
            else:
                while True:
                    yield Record(name, index, reader.value())
                    index += 1
                    if reader.expect(",]") == "]":
                        break
            yield TableEnd(name)
        if reader.expect(",}") == "}":
            return


def read_items(
    source: Path,
    problem: Callable[[str], Exception],
    progress: ByteProgress | None = None,
    *,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """The items of the file in order; `problem(reason)` makes the exception for a bad file."""
    try:
        size = source.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise problem(tr("filen är större än {n} MB").format(n=max_bytes // (1024 * 1024)))
        stream = source.open("rb")
    except OSError as exc:
        raise read_error(source, exc) from exc
    with stream:
        try:
            yield from _items(_Reader(stream, size, progress))
        except _Problem as exc:
            raise problem(str(exc)) from None
        except OSError as exc:
            raise UserError(
                tr("Filen {path} kan inte läsas: {reason}.").format(
                    path=source, reason=os_error_reason(exc)
                )
            ) from exc
