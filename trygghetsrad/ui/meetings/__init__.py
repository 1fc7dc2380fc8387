"""The Möten tab: meetings, attendance, agenda and minutes, follow-up and exports."""
