"""`.eml` drafts that open in the user's mail client with the PDF attached (PITFALLS 16)."""

from __future__ import annotations

from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default

from trygghetsrad.domain.attachments import safe_filename
from trygghetsrad.domain.meetings.document import MeetingDocument
from trygghetsrad.domain.meetings.model import by_kind
from trygghetsrad.domain.register import clean_email
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr

# Long å/ä/ö attachment names must stay on one line: old Outlook mangles RFC 2231 continuations.
POLICY = default.clone(max_line_length=998)


def _address(name: str, email: str) -> Address:
    # An address the register's rule refuses (a line break or a second address put into the
    # file behind the app's back) would change the headers: the user corrects it instead.
    try:
        clean_email(email)
    except ValidationError:
        raise UserError(
            tr(
                "{name} har en e-postadress som inte går att använda (”{email}”); rätta den "
                "under Register och exportera igen."
            ).format(name=name, email=email.replace("\r", "\\r").replace("\n", "\\n"))
        ) from None
    # Built from its parts: the addr_spec parser refuses å/ä/ö in the local part.
    username, _, domain = email.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)


def new_draft(recipients: Sequence[tuple[str, str]], sender_email: str = "") -> EmailMessage:
    """An unsent draft (`X-Unsent: 1`: Outlook opens it for editing) to (name, address)
    recipients; `From` only when the settings name a sender (PITFALLS 16)."""
    msg = EmailMessage(policy=POLICY)
    msg["X-Unsent"] = "1"
    if sender_email:  # otherwise the mail program fills in its own account
        msg["From"] = _address("", sender_email)
    addresses = [_address(name, email) for name, email in recipients]
    if addresses:
        msg["To"] = addresses
    return msg


def draft_bytes(msg: EmailMessage, addresses: Sequence[str]) -> bytes:
    """The draft as a file; an address with å/ä/ö (allowed in the register) can only be
    written as UTF-8 (RFC 6532)."""
    ascii_only = all(a.isascii() for a in addresses)
    return msg.as_bytes(policy=POLICY if ascii_only else POLICY.clone(utf8=True))


def attach_files(msg: EmailMessage, doc: MeetingDocument) -> None:
    """The meeting's attachments beside the PDF, named as the document lists them
    ("Bilaga 1 Polisens lägesbild.pdf"), when the document was built with their bytes."""
    for attachment in doc.attachments:
        if not attachment.data and attachment.size:
            continue  # built without the bytes: nothing to attach
        maintype, _, subtype = attachment.mime_type.partition("/")
        if not subtype or maintype in ("multipart", "message"):  # sent as the file it is
            maintype, subtype = "application", "octet-stream"
        stem = tr("Bilaga {n}").format(n=attachment.number)
        msg.add_attachment(
            attachment.data,
            maintype=maintype,
            subtype=subtype,
            filename=safe_filename(f"{stem} {attachment.filename}"),
        )


def draft_eml(doc: MeetingDocument, pdf: bytes, *, notice: bool = False) -> bytes:
    """A draft addressed to the members, Swedish subject and body, the PDF attached."""
    m = doc.meeting
    what = tr("Kallelse") if notice else m.kind.label
    msg = new_draft([(r.name, r.email) for r in doc.recipients], doc.sender_email)
    subject = f"{what} {doc.groups_label} {m.day.isoformat()}"
    draft = doc.is_draft and not notice  # a notice is not a draft of anything
    msg["Subject"] = tr("Utkast: {subject}").format(subject=subject) if draft else subject
    if notice:
        body = tr(
            "Hej!\n\nHär kommer kallelsen till mötet med {groups} {when}{where}.\n"
            "Dagordningen finns i den bifogade PDF-filen. Meddela gärna förhinder.\n\n"
            "Vänliga hälsningar\n{sender}\n"
        )
    elif draft:
        body = tr(
            "Hej!\n\nHär kommer ett utkast till {what_lower} från mötet med {groups} "
            "{when}{where}.\n{state}. Hör gärna av dig med rättelser och synpunkter.\n"
            "Utkastet finns i den bifogade PDF-filen.\n\nVänliga hälsningar\n{sender}\n"
        )
    else:
        body = tr(
            "Hej!\n\nHär kommer {what_lower} från mötet med {groups} {when}{where}.\n"
            "Dokumentet finns i den bifogade PDF-filen.\n\nVänliga hälsningar\n{sender}\n"
        )
    where = f", {doc.where}" if doc.where else ""
    msg.set_content(
        body.format(
            groups=doc.groups_label,
            when=doc.when,
            where=where,
            what_lower=what.lower(),
            sender=m.secretary_name or doc.author,
            state=by_kind(
                m.kind,
                tr("Protokollet är inte justerat än"),
                tr("Minnesanteckningarna är inte fastställda än"),
            ),
        )
    )
    msg.add_attachment(
        pdf,
        maintype="application",
        subtype="pdf",
        filename=f"{doc.file_stem(what)}.pdf",
    )
    attach_files(msg, doc)
    return draft_bytes(msg, [*(r.email for r in doc.recipients), doc.sender_email])
