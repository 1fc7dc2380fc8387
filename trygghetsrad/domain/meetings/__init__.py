"""Meetings as plain data: the model, agenda structure, attendance order, notice, document, extract, invitations, versions."""
