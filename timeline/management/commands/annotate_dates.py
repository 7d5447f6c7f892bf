"""Print the date expressions the engine finds in one text, resolved against a reference date.

    python manage.py annotate_dates PATH|- --reference-date 2024-03-05[T14:30] [--timezone Europe/London]
                                    [--format json|timeml] [--narrative]

PATH is a UTF-8 text file, or `-` for standard input. The text is used exactly as its bytes decode
(no newline translation, a byte-order mark is kept as U+FEFF), so the json offsets index the file's
characters: `text[start:end] == item["text"]`. Touches no database.
"""

import datetime as dt
import json
import sys
import zoneinfo
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.temporal.serialize import timex_to_dict, to_timeml
from timeline.temporal.types import Reference, build_reference


def parse_reference(raw_date: str, timezone: str | None, *, narrative: bool) -> Reference:
    """The engine reference from the command-line values; CommandError with one line when unreadable."""
    try:
        moment = dt.datetime.fromisoformat(raw_date.strip())
    except ValueError:
        raise CommandError(
            f"--reference-date {raw_date!r}: expected a date or date-time such as 2024-03-05 or 2024-03-05T14:30."
        ) from None
    if moment.tzinfo is not None:
        # An offset is not a zone (it says nothing about daylight saving), and the engine takes zones.
        raise CommandError(
            f"--reference-date {raw_date!r}: give the zone with --timezone (an IANA name), not as an offset."
        )
    if timezone is not None:
        try:
            zoneinfo.ZoneInfo(timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise CommandError(f"--timezone {timezone!r}: not a known IANA time zone such as Europe/London.") from None
    has_time = "T" in raw_date.strip() or " " in raw_date.strip()
    return build_reference(
        moment.date(), time=moment.time() if has_time else None, timezone=timezone, narrative=narrative
    )


def read_text(path: str) -> str:
    """The text of PATH (or of standard input for `-`), strictly UTF-8, newlines untouched."""
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a text file.") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot read it ({exc.strerror or exc}).") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        name = "standard input" if path == "-" else path
        raise CommandError(
            f"{name}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); convert it first."
        ) from None


class Command(BaseCommand):
    help = "Print the date expressions of one UTF-8 text (a file, or - for stdin) as JSON or inline TimeML."

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="PATH", help="A UTF-8 text file, or - to read standard input.")
        parser.add_argument(
            "--reference-date",
            required=True,
            metavar="DATE_OR_DATETIME",
            help="The publication date (or date-time) that relative expressions resolve against.",
        )
        parser.add_argument("--timezone", metavar="TZ", help="The publication's IANA time zone, e.g. Europe/London.")
        parser.add_argument(
            "--format", dest="output_format", choices=["json", "timeml"], default="json", help="Output format (json)."
        )
        parser.add_argument(
            "--narrative", action="store_true", help="Anchor relative dates on the last date mentioned (history)."
        )

    def handle(
        self, *args, path: str, reference_date: str, timezone: str | None, output_format: str, narrative: bool, **opts
    ):
        reference = parse_reference(reference_date, timezone, narrative=narrative)
        text = read_text(path)
        try:
            from timeline.temporal import annotate
        except ImportError as exc:
            raise CommandError(f"The date engine is not importable: {exc}.") from None
        timexes = annotate(text, reference)
        if output_format == "timeml":
            # ending="" so the text comes back byte for byte; the markup adds nothing around it.
            self.stdout.write(to_timeml(text, timexes), ending="" if text.endswith("\n") else "\n")
        else:
            self.stdout.write(json.dumps([timex_to_dict(t) for t in timexes], ensure_ascii=False, indent=2))
