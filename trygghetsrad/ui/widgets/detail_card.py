"""A quiet side panel showing one record: heading, facts, and a short list (e.g. memberships)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget


class DetailCard(QFrame):
    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailCard")
        self.setStyleSheet(
            "#detailCard { background: #ffffff; border: 1px solid #dde3e9; border-radius: 6px; }"
        )
        self.setMinimumWidth(280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        self.title = QLabel()
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setProperty("role", "hint")
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.facts = QFormLayout()
        self.facts.setHorizontalSpacing(12)
        self.facts.setVerticalSpacing(4)
        layout.addSpacing(4)
        layout.addLayout(self.facts)
        self.section = QLabel()
        self.section.setStyleSheet("font-weight: 600; color: #22313f;")
        layout.addSpacing(8)
        layout.addWidget(self.section)
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.items.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.items)
        layout.addStretch(1)
        self._placeholder = placeholder
        self.show_record(None)

    def show_record(
        self,
        title: str | None,
        subtitle: str = "",
        facts: list[tuple[str, str]] | None = None,
        section: str = "",
        items: list[str] | None = None,
        no_items: str = "",
    ) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        if title is None:
            self.title.setText("")
            self.subtitle.setText(self._placeholder)
            self.section.hide()
            self.items.hide()
            self.setAccessibleName(self._placeholder)
            return
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        for label, value in facts or []:
            key = QLabel(label)
            key.setProperty("role", "hint")
            text = QLabel(value or "–")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(key, text)
        self.section.setText(section)
        self.section.setVisible(bool(section))
        if items:
            self.items.setText(
                "<div style='line-height:140%'>"
                + "<br>".join(escape(i).replace("\n", "<br>") for i in items)
                + "</div>"
            )
        else:
            self.items.setText(f"<span style='color:#5d6873'>{escape(no_items)}</span>")
        self.items.setVisible(bool(section))
        self.setAccessibleName(title)

    def text(self) -> str:
        """Everything the card shows, as plain text (for tests and screen readers)."""
        parts = [self.title.text(), self.subtitle.text()]
        for row in range(self.facts.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                item = self.facts.itemAt(row, role)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    parts.append(label.text())
        parts += [self.section.text(), self.items.text()]
        return "\n".join(p for p in parts if p)
