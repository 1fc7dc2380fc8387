"""Use cases of meetings: lifecycle, agenda, attendance, actions, documents, invitations and versions."""
