"""Exports of meetings: minutes and notice PDFs, .ics invitations and .eml drafts."""
