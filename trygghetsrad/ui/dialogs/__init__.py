"""Application-wide dialogs: welcome, settings, about, backup."""
