"""Print a document the app makes as PDF, through a print preview that shows that very PDF.

The preview and the printer get the pages of the PDF that the export writes, rendered by
QtPdf (Qt's PDFium-based renderer, the small `PySide6-Pdf` wheel, on Windows, macOS and Linux
alike), so what is printed is what is exported, not an approximation drawn again. Without
QtPdf the PDF opens in the system's PDF reader instead, which can print it.
"""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from trygghetsrad.files import write_document
from trygghetsrad.ui.widgets.screen import fit_to_screen

log = logging.getLogger(__name__)

# Pages are rendered at this resolution for the printer: sharp on paper, a few MB a page.
PRINT_DPI = 200


def pdf_pages(data: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of the PDF `data` as an image at `dpi` (QtPdf); ImportError without QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    with tempfile.TemporaryDirectory(prefix="trygghetsrad-print-") as folder:
        path = Path(folder) / "utskrift.pdf"
        write_document(path, data)  # QPdfDocument reads a file synchronously (a buffer: later)
        document = QPdfDocument(None)
        document.load(str(path))
        images = []
        for page in range(document.pageCount()):
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            images.append(document.render(page, size).copy())  # own the pixels
        document.close()
    return images


def pages_or_none(data: bytes) -> list[QImage] | None:
    """`pdf_pages`, or None where QtPdf is missing (the PDF then opens in the reader)."""
    try:
        return pdf_pages(data)
    except ImportError:
        return None


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Each page image on a sheet of its own, as large as the printable area allows."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for number, image in enumerate(pages):
            if number:
                orientation = (
                    QPageLayout.Orientation.Landscape
                    if image.width() > image.height()
                    else QPageLayout.Orientation.Portrait
                )
                printer.setPageOrientation(orientation)
                printer.newPage()
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(
                area.x() + (area.width() - width) / 2,
                area.y() + (area.height() - height) / 2,
                width,
                height,
            )
            painter.drawImage(target, image)
    finally:
        painter.end()


class _Preview(QPrintPreviewDialog):
    pages: list[QImage]  # what the preview shows, for tests


def print_pdf(parent: QWidget, title: str, data: bytes, pages: list[QImage] | None) -> Any:
    """The print preview of the PDF `data` with its page images `pages` (returned, not yet
    executed by tests); without the images (no QtPdf) the PDF opens in the system's reader."""
    if pages is None:
        log.warning("QtPdf is missing: the PDF opens in the system's reader for printing")
        folder = Path(tempfile.mkdtemp(prefix="trygghetsrad-print-"))
        # The reader needs the file after this returns: removed when the program ends.
        atexit.register(shutil.rmtree, folder, True)
        path = write_document(folder / f"{title}.pdf", data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return None
    dialog = _Preview(parent)
    printer = dialog.printer()  # owned by the dialog (a printer of ours would be freed first)
    printer.setResolution(PRINT_DPI)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF has its own margins
    if pages:
        first = pages[0]
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if first.width() > first.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog.setWindowTitle(parent.tr("Skriv ut: {title}").format(title=title))
    dialog.setAccessibleName(dialog.windowTitle())
    dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
    dialog.pages = pages
    dialog.resize(900, 1100)  # a page at a readable size; capped to the screen below
    fit_to_screen(dialog)
    return dialog
