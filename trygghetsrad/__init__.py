"""Trygghetsråd: offline desktop application for a municipal crime-prevention council."""

__version__ = "0.1.0"
APP_NAME = "Trygghetsråd"
