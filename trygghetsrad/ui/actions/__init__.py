"""Uppdrag: the register of every action and decision of every meeting (issue 17)."""
