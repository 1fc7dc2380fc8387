"""Use cases of the annual wheel: events, categories, the year's plan, the calendar feed and .ics import."""
