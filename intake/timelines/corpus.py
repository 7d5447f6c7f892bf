"""Reading a SemEval-2015 TimeLine corpus in CAT XML, Track A: only the tokens and the creation time.

The annotation markables (events, time expressions, relations) are never read, except the one TIMEX3
whose functionInDocument is CREATION_TIME: its value is the publication date and its tokens are the
dateline, which the article text leaves out as it leaves out the headline (sentence 0): no gold
mention stands in either, and a reader given them would only find spurious events there.

Each sentence becomes one line of the rebuilt text, so that the reader, which parses line by line,
splits sentences where the corpus does; every token keeps its character offsets, so that an offset
the reader reports maps back to `DOCID-SENTENCE-WORD`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

CAT_FOLDERS = ("corpus_cat", "corpus_tracka_cat")  # the trial's and the test corpora's, any case
GOLD_FOLDER = "timelines_gold_standard"
ENTITY_FILES = "list_target_entities*.txt"

# No space before these tokens, none after the opening ones: "Apple 's" reads as "Apple's".
NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


class CorpusError(ValueError):
    """The folder or a file is not in the task's layout. The message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class Token:
    sentence: int
    number: int  # the token's number in the document
    text: str
    start: int  # offsets into Document.text
    end: int


@dataclass
class Document:
    doc_id: str
    name: str
    created: dt.date
    headline: str
    text: str
    tokens: list[Token] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]

    def token_at(self, offset: int) -> Token | None:
        """The token covering `offset`, or the next one on the same line when it falls on a space."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return self.tokens[index]
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if following is not None and "\n" not in self.text[offset : following.start]:
            return following
        return None

    def sentence_tokens(self, sentence: int) -> list[Token]:
        return [t for t in self.tokens if t.sentence == sentence]

    def mention(self, token: Token) -> str:
        return f"{self.doc_id}-{token.sentence}-{token.text}"


def _joined(tokens: list[tuple[int, int, str]]) -> tuple[str, list[tuple[int, int, str, int, int]]]:
    """One sentence's tokens as text, with each token's offsets in it."""
    pieces: list[str] = []
    placed = []
    length = 0
    previous = ""
    quoted = False  # straight quotes alternate: an opening one binds to the next word, a closing one to the last
    for sentence, number, text in tokens:
        closing = text == '"' and quoted
        if pieces and text not in NO_SPACE_BEFORE and not closing and previous not in NO_SPACE_AFTER:
            pieces.append(" ")
            length += 1
        if text == '"':
            quoted = not quoted
            previous = "(" if quoted else text
            placed.append((sentence, number, text, length, length + 1))
            pieces.append(text)
            length += 1
            continue
        placed.append((sentence, number, text, length, length + len(text)))
        pieces.append(text)
        length += len(text)
        previous = text
    return "".join(pieces), placed


def _creation_time(root: ET.Element, where: str) -> tuple[dt.date, set[str]]:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = (timex.get("value") or "")[:10]
            try:
                return dt.date.fromisoformat(value), {a.get("t_id", "") for a in timex.iter("token_anchor")}
            except ValueError:
                raise CorpusError(f"{where}: creation time {timex.get('value')!r} is not a date") from None
    raise CorpusError(f"{where}: no TIMEX3 with functionInDocument=CREATION_TIME")


def read_cat(path: Path) -> Document:
    """One CAT file as a Document. Raises CorpusError on a file that is not one."""
    where = str(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise CorpusError(f"{where}: not XML ({exc})") from None
    doc_id = root.get("doc_id") or ""
    if not doc_id:
        raise CorpusError(f"{where}: the Document element has no doc_id")
    created, dateline = _creation_time(root, where)
    sentences: dict[int, list[tuple[int, int, str]]] = {}
    in_dateline: dict[int, bool] = {}
    for element in root.iter("token"):
        try:
            sentence, number = int(element.get("sentence", "")), int(element.get("number", ""))
        except ValueError:
            raise CorpusError(f"{where}: token {element.get('t_id')!r} has no sentence or number") from None
        sentences.setdefault(sentence, []).append((sentence, number, element.text or ""))
        in_dateline[sentence] = in_dateline.get(sentence, True) and element.get("t_id") in dateline
    if not sentences:
        raise CorpusError(f"{where}: no tokens")
    first = min(sentences)
    headline, _ = _joined(sentences[first])
    lines, tokens, offset = [], [], 0
    for sentence in sorted(sentences):
        if sentence == first or in_dateline[sentence]:
            continue
        line, placed = _joined(sentences[sentence])
        tokens += [Token(s, n, text, offset + a, offset + b) for s, n, text, a, b in placed]
        lines.append(line)
        offset += len(line) + 1
    return Document(
        doc_id=doc_id,
        name=root.get("doc_name") or path.stem,
        created=created,
        headline=headline,
        text="\n".join(lines),
        tokens=tokens,
    )


def _child(folder: Path, names: tuple[str, ...]) -> Path | None:
    return next((p for p in sorted(folder.iterdir()) if p.is_dir() and p.name.lower() in names), None)


@dataclass
class Corpus:
    documents: list[Document]
    entities: list[str]
    gold: Path | None  # the gold timelines' folder, when the corpus has one


def read_corpus(folder: Path) -> Corpus:
    """The documents (publication order), the target entities and the gold folder of a task corpus."""
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder")
    cat = _child(folder, CAT_FOLDERS)
    if cat is None:
        raise CorpusError(f"{folder}: no corpus_CAT/ or corpus_trackA_CAT/ folder")
    files = sorted(cat.glob("*.xml"))
    if not files:
        raise CorpusError(f"{cat}: no .xml files")
    lists = sorted(folder.glob(ENTITY_FILES))
    if not lists:
        raise CorpusError(f"{folder}: no list_target_entities*.txt")
    entities = [line.strip() for line in lists[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = sorted((read_cat(path) for path in files), key=lambda d: (d.created, d.doc_id))
    return Corpus(documents=documents, entities=entities, gold=_child(folder, (GOLD_FOLDER,)))


_UNSAFE = re.compile(r"[^0-9a-z]+")


def entity_filename(entity: str) -> str:
    """The task's name for an entity's timeline file: "iPhone 4" -> "iphone_4.txt"."""
    return _UNSAFE.sub("_", entity.lower()).strip("_") + ".txt"
