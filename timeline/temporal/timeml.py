"""Read inline TimeML documents (TempEval-3 style) into plain text plus gold TIMEX3 spans.

Plain Python: nothing here may import Django.

The reader is a small tag scanner rather than an XML parser on purpose. The corpora we evaluate on
are XML today, but TimeML in the wild is often not well formed (stray `&`, unclosed `EVENT`s,
HTML entities such as `&nbsp;`), and a scorer that refuses a whole corpus over one byte is worse
than one that reads it leniently. The scanner still follows the XML rules that change offsets:
line ends are normalised (`\\r\\n` and lone `\\r` become `\\n`, as an XML parser would do) and
entities are decoded, so `doc.text[g.start:g.end] == g.text` holds for every gold timex.

Quirks handled, per corpus (see each corpus README under /work/shared/data):
- te3-train: DCT values sometimes carry a time (`1998-02-27T08:17:00`, `1990-08-15T13:37`);
  `&amp;` in the text; a few `functionInDocument="PUBLICATION_TIME"` timexes inside TEXT, which
  are ordinary gold (only CREATION_TIME is the DCT).
- tcr: most values are empty (`value=""`); they are kept as empty strings for the scorer to skip.
- wikiwars-tml, tweets-syntime: CRLF line ends; non-ASCII text.
- Tags nested inside a TIMEX3 (EVENT, SIGNAL, or even another TIMEX3) are stripped and do not
  break the outer span.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from timeline.temporal.types import DocType, Reference, build_reference

TIMEML_SUFFIXES = (".tml", ".timeml")

_TAG_RE = re.compile(
    r"<!--.*?-->"  # comment
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<[?!][^>]*>"  # XML declaration, processing instruction, DOCTYPE
    r"|<(?P<close>/)?(?P<name>[A-Za-z_][\w:.-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(?P<empty>/)?>",
    re.DOTALL,
)
_ATTR_RE = re.compile(r"([A-Za-z_][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold TIMEX3 from the TEXT. `start`/`end` are Python str offsets into `TimeMLDocument.text`."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""
    mod: str = ""


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One TimeML file: its TEXT with the tags stripped, its creation time and its gold timexes."""

    name: str
    text: str
    dct: dt.date | None
    dct_time: dt.time | None = None
    gold: list[GoldTimex] = field(default_factory=list)
    path: Path | None = None

    def reference(self, doc_type: DocType = DocType.NEWS) -> Reference:
        """The engine's reference context for this document, taken from its creation time."""
        if self.dct is None:
            raise ValueError(f"{self.name}: no CREATION_TIME TIMEX3 to use as a reference date")
        return build_reference(self.dct, time=self.dct_time, narrative=doc_type is DocType.NARRATIVE)


def _attrs(raw: str) -> dict[str, str]:
    return {
        m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR_RE.finditer(raw)
    }


def _normalise_newlines(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\r", "\n")


def parse_dct_value(value: str) -> tuple[dt.date | None, dt.time | None]:
    """Read a CREATION_TIME value: `1998-02-27`, `1998-02-27T08:17:00`, `1990-08-15T13:37`, `19980108`.

    Returns (None, None) when no calendar date can be read, so one odd document does not stop a run.
    """
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?", value or "")
    if not m:
        return None, None
    try:
        date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, None
    time = None
    if m.group(4) is not None:
        try:
            time = dt.time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
        except ValueError:
            time = None
    return date, time


@dataclass(slots=True)
class _Reader:
    """The state of one pass over TimeML markup: the TEXT read so far and the TIMEX3 spans in it."""

    pieces: list[str] = field(default_factory=list)
    length: int = 0  # running length of the stripped TEXT, i.e. the offset of the next character
    in_text: bool = False
    # Open TIMEX3s inside TEXT: (start offset, attributes, is_dct). A stack, so nesting cannot
    # close the wrong span.
    open_timexes: list[tuple[int, dict[str, str], bool]] = field(default_factory=list)
    spans: list[tuple[int, int, dict[str, str]]] = field(default_factory=list)
    dct_date: dt.date | None = None
    dct_time: dt.time | None = None

    def emit(self, raw: str) -> None:
        if self.in_text and raw:
            self.pieces.append(raw)
            self.length += len(raw)

    def tag(self, m: re.Match[str]) -> None:
        if m.group("cdata") is not None:
            self.emit(m.group("cdata"))
            return
        name = m.group("name")
        if name is None:
            return  # comment, declaration or processing instruction
        tag = name.upper()
        closing = m.group("close") is not None
        if tag == "TEXT":
            self.in_text = not closing
        elif tag == "TIMEX3" and closing:
            self.close_timex()
        elif tag == "TIMEX3":
            self.open_timex(m)

    def open_timex(self, m: re.Match[str]) -> None:
        attrs = _attrs(m.group("attrs") or "")
        is_dct = attrs.get("functionInDocument", "").upper() == "CREATION_TIME"
        if is_dct and self.dct_date is None:
            self.dct_date, self.dct_time = parse_dct_value(attrs.get("value", ""))
        if not m.group("empty"):  # an empty (anchor-only) timex has no span to detect
            self.open_timexes.append((self.length, attrs, is_dct))

    def close_timex(self) -> None:
        if not self.open_timexes:
            return
        start, attrs, is_dct = self.open_timexes.pop()
        if self.in_text and not is_dct and self.length > start:
            self.spans.append((start, self.length, attrs))


def parse_timeml(source: str, name: str = "") -> TimeMLDocument:
    """Parse TimeML markup already decoded to str (see `read_timeml` for files)."""
    source = _normalise_newlines(source)
    reader = _Reader()
    pos = 0
    for m in _TAG_RE.finditer(source):
        reader.emit(html.unescape(source[pos : m.start()]))
        pos = m.end()
        reader.tag(m)
    # Whatever follows the last tag only counts if TEXT was never closed.
    reader.emit(html.unescape(source[pos:]))

    text = "".join(reader.pieces)
    gold = [
        GoldTimex(
            start=start,
            end=end,
            text=text[start:end],
            type=attrs.get("type", "").upper(),
            value=attrs.get("value", "").strip(),
            tid=attrs.get("tid", ""),
            mod=attrs.get("mod", ""),
        )
        for start, end, attrs in sorted(reader.spans, key=lambda s: (s[0], -s[1]))
    ]
    return TimeMLDocument(name=name, text=text, dct=reader.dct_date, dct_time=reader.dct_time, gold=gold)


def read_timeml(path: str | Path, name: str | None = None) -> TimeMLDocument:
    """Read one TimeML file. Bytes that are not UTF-8 are replaced rather than refused (see module doc).

    `name` defaults to the file name without its suffix; `iter_timeml` passes the path relative to
    the directory instead, because sibling splits reuse file names (tweets' trainingset/testset).
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    doc = parse_timeml(raw.decode("utf-8", errors="replace"), name=name if name is not None else path.stem)
    return TimeMLDocument(name=doc.name, text=doc.text, dct=doc.dct, dct_time=doc.dct_time, gold=doc.gold, path=path)


def timeml_paths(directory: str | Path) -> list[Path]:
    """The TimeML files under `directory`, recursively, in a stable (sorted) order."""
    root = Path(directory)
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in TIMEML_SUFFIXES)


def iter_timeml(directory: str | Path) -> Iterator[TimeMLDocument]:
    """Yield every TimeML document under `directory` (recursively), sorted by path."""
    root = Path(directory)
    for path in timeml_paths(root):
        name = path.name if root.is_file() else str(path.relative_to(root).with_suffix(""))
        yield read_timeml(path, name=name)
