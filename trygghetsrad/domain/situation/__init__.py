"""The situation workbench as plain data: pictures, periods, areas, charts, causes, the action plan and agreements."""
