"""Errors a user can cause or fix; everything else is a bug and is logged as such."""

from __future__ import annotations

from trygghetsrad.i18n import tr


class UserError(Exception):
    """A problem the user can understand and act on; its message is one Swedish sentence."""


class ValidationError(UserError):
    """Input that breaks a rule; `field` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ReferencedError(UserError):
    """A record can't be removed because other records still point at it."""

    def __init__(self, message: str, references: list[str]) -> None:
        super().__init__(message)
        self.references = references


def os_error_message(exc: OSError, *, writing: bool | None = None) -> str:
    """One Swedish sentence for a file a command could not read (`writing=False`) or write.

    The operating system's own text (exc.strerror) is English on many machines, so it is
    never shown; the common causes get their own sentence.
    """
    name = str(exc.filename) if exc.filename is not None else tr("filen")
    verb = {True: tr("skrivas"), False: tr("läsas"), None: tr("läsas eller skrivas")}[writing]
    if isinstance(exc, FileNotFoundError):
        if writing:
            return tr("{name} kan inte skrivas: mappen finns inte.").format(name=name)
        return tr("Filen {name} finns inte.").format(name=name)
    if isinstance(exc, PermissionError):
        return tr("{name} kan inte {verb}: behörighet saknas.").format(name=name, verb=verb)
    if isinstance(exc, IsADirectoryError):
        return tr("{name} är en mapp; ange ett filnamn.").format(name=name)
    if isinstance(exc, NotADirectoryError):
        return tr("{name} kan inte {verb}: en del av sökvägen är ingen mapp.").format(
            name=name, verb=verb
        )
    return tr("{name} kan inte {verb}: {reason}.").format(
        name=name, verb=verb, reason=os_error_reason(exc)
    )


def os_error_reason(exc: OSError) -> str:
    """A short Swedish phrase for why a file operation failed ("disken är full")."""
    import errno

    reasons = {
        errno.ENOENT: tr("filen eller mappen finns inte"),
        errno.EACCES: tr("behörighet saknas"),
        errno.EPERM: tr("behörighet saknas"),
        errno.EISDIR: tr("det är en mapp"),
        errno.ENOTDIR: tr("en del av sökvägen är ingen mapp"),
        errno.ENOSPC: tr("disken är full"),
        errno.EDQUOT: tr("diskkvoten är slut"),
        errno.EROFS: tr("disken är skrivskyddad"),
        errno.EFBIG: tr("filen blir för stor"),
        errno.ENAMETOOLONG: tr("namnet är för långt"),
        errno.EIO: tr("fel i filsystemet eller på disken"),
    }
    return reasons.get(exc.errno or 0, tr("fel {n} från systemet").format(n=exc.errno))
