"""Exports of the situation workbench: the situation report, the action plan, follow-up and agreements."""
