"""Use cases across all meetings' actions: the action register and reminders."""
