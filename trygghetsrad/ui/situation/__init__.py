"""The situation-picture workbench (*Lägesbild*): sources, indicators, analysis, action plan."""
