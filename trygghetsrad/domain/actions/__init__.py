"""The action register and reminders as plain data."""
