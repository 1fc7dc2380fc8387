"""The command line: one parser for the GUI options and every headless command.

Workspaces add their commands in their own module, listed in `EXTENSIONS`; each module has
`add_commands(commands: Commands)` and sets `handler=` on its sub-parsers. A handler takes the
parsed arguments and returns an exit code; a `UserError` becomes one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from trygghetsrad import __version__
from trygghetsrad.errors import UserError, os_error_message
from trygghetsrad.i18n import tr

EXTENSIONS = [
    "trygghetsrad.cli.register",
    "trygghetsrad.cli.meetings",
    "trygghetsrad.cli.wheel",
    "trygghetsrad.cli.data",
    "trygghetsrad.cli.search",
    "trygghetsrad.cli.situation",
    "trygghetsrad.cli.action_plan",
    "trygghetsrad.cli.actions",
    "trygghetsrad.cli.meeting_cancel",
    "trygghetsrad.cli.attachments",
]

__all__ = ["Commands", "check_readable", "main", "os_error_message", "run_command"]

EXIT_OK = 0
EXIT_BUG = 1
EXIT_USER_ERROR = 2

log = logging.getLogger("trygghetsrad")


# argparse's own messages, in Swedish (it looks them up through a module-level gettext `_`).
_ARGPARSE_SV = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "dessa argument saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "expected one argument": "ett värde krävs",
    "expected at least one argument": "minst ett värde krävs",
    "not allowed with argument %s": "kan inte kombineras med %s",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan betyda %(matches)s",
}


def _in_swedish(message: str) -> str:
    return tr(_ARGPARSE_SV.get(message, message))


# argparse calls its module-level `_` at message time; the stubs don't declare it.
vars(argparse)["_"] = _in_swedish


class SwedishArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USER_ERROR,
            tr("trygghetsrad: felaktigt kommando ({message}); se trygghetsrad --help\n").format(
                message=message
            ),
        )


@dataclass
class Commands:
    top: argparse._SubParsersAction[SwedishArgumentParser]
    export: argparse._SubParsersAction[SwedishArgumentParser]
    import_: argparse._SubParsersAction[SwedishArgumentParser]

    def add_lists(
        self, names: Sequence[str], handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        """Add `names` to the shared `list` command: `handler` runs for them, the handler
        set before for every other list. Returns the `list` parser (for options of its own)."""
        listing = self.top.choices.get("list")
        if listing is None:
            listing = self.top.add_parser("list", help=tr("lista poster"))
            listing.add_argument("what", choices=[])
            listing.add_argument("--json", action="store_true", help=tr("skriv en JSON-lista"))
        for action in listing._actions:
            if action.dest == "what" and action.choices is not None:
                action.choices = [*action.choices, *(n for n in names if n not in action.choices)]
        previous = listing.get_default("handler")

        def dispatch(args: argparse.Namespace) -> int:
            if args.what in names:
                return int(handler(args) or 0)
            if previous is None:
                raise UserError(tr("Okänd lista: {what}.").format(what=args.what))
            return int(previous(args) or 0)

        listing.set_defaults(handler=dispatch)
        return listing


def _add_options(parser: argparse.ArgumentParser) -> None:
    """The options that come before a command, or alone to open the window."""
    parser.add_argument("--version", action="store_true", help=tr("visa versionen och avsluta"))
    parser.add_argument("--db", metavar="SÖKVÄG", help=tr("databasfil att använda"))
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help=tr("öppna fönstret, vänta tills det visats med data, avsluta"),
    )


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when `argv` holds only the options (the window is to open), else None.

    Opening the window needs none of the commands, and the full parser imports every
    command module to build theirs (start-up time); anything but the options, `--help`
    included, goes to the full parser, so messages and help stay the same."""
    parser = SwedishArgumentParser(prog="trygghetsrad", add_help=False, allow_abbrev=False)
    _add_options(parser)
    parser.set_defaults(command=None)
    args, rest = parser.parse_known_args(list(argv))
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishArgumentParser(
        prog="trygghetsrad",
        description=tr("Trygghetsråd: möten, årshjul och lägesbild för kommunens trygghetsråd."),
    )
    _add_options(parser)
    top = parser.add_subparsers(
        dest="command", metavar="KOMMANDO", parser_class=SwedishArgumentParser
    )
    export = top.add_parser("export", help=tr("exportera till fil")).add_subparsers(
        dest="what", metavar="VAD", required=True, parser_class=SwedishArgumentParser
    )
    import_ = top.add_parser("import", help=tr("importera från fil")).add_subparsers(
        dest="what", metavar="VAD", required=True, parser_class=SwedishArgumentParser
    )
    commands = Commands(top, export, import_)
    for name in EXTENSIONS:
        importlib.import_module(name).add_commands(commands)
    _describe_list(commands)
    return parser


def _describe_list(commands: Commands) -> None:
    """Each workspace adds its lists to `list`; name them all in its help once they are in."""
    listing = commands.top.choices.get("list")
    if listing is None:
        return
    for action in listing._actions:
        if action.dest == "what" and action.choices:
            action.metavar = "VAD"
            action.help = tr("vad som listas: {choices}").format(choices=", ".join(action.choices))


def setup_logging() -> None:
    from trygghetsrad.files import create_private_file, private_dirs
    from trygghetsrad.paths import log_file

    root = logging.getLogger("trygghetsrad")
    if root.handlers:
        return
    path = log_file()
    try:
        private_dirs(path.parent)
        create_private_file(path)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def run_command(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None)
    if handler is None:
        print(tr("trygghetsrad: ange vad som ska göras; se trygghetsrad --help"), file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        code = int(handler(args) or 0)
        if sys.stdout is not None:  # None in a windowed build
            sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        # The reader went away (`trygghetsrad list meetings | head`): stop quietly, like
        # other command-line tools.
        silence_stdout()
        return EXIT_OK
    except UserError as exc:
        print(f"trygghetsrad: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except OSError as exc:
        if exc.filename is None and not isinstance(exc, FileNotFoundError | PermissionError):
            log.exception("Command %s failed", args.command)
        print(f"trygghetsrad: {os_error_message(exc)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception:
        from trygghetsrad.paths import log_file

        log.exception("Command %s failed", args.command)
        print(
            tr("trygghetsrad: ett oväntat fel inträffade; detaljer finns i {path}").format(
                path=log_file()
            ),
            file=sys.stderr,
        )
        return EXIT_BUG


def silence_stdout() -> None:
    """Point stdout at the null device, so that Python's final flush of what is left in the
    buffer for a closed pipe neither fails nor prints a warning at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def check_readable(path: object) -> None:
    """Refuse a missing or unreadable input file with a Swedish sentence before any work."""
    import os
    from pathlib import Path

    source = Path(str(path)).expanduser()
    if not source.exists():
        raise UserError(os_error_message(FileNotFoundError(2, "", str(path)), writing=False))
    if source.is_dir():
        raise UserError(os_error_message(IsADirectoryError(21, "", str(path)), writing=False))
    if not os.access(source, os.R_OK):
        raise UserError(os_error_message(PermissionError(13, "", str(path)), writing=False))


def main(argv: Sequence[str]) -> int:
    """Run a headless command, or open the GUI (through the composition root) when none is given."""
    args = window_arguments(argv) or build_parser().parse_args(list(argv))
    if args.version:
        print(f"Trygghetsråd {__version__}")
        return EXIT_OK
    setup_logging()
    if args.command:
        gc.enable()  # paused for start-up by __main__ (a command's own work may need it)
        return run_command(args)
    return GUI_REQUESTED


GUI_REQUESTED = -1
