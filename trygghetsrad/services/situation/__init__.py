"""Use cases of the situation workbench: pictures, sources, indicators, observations, gaps, areas, causes, the action plan, agreements and follow-up."""
