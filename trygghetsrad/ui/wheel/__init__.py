"""The annual wheel (*Årshjul*) tab: the painted wheel, the list beside it and the editors."""
