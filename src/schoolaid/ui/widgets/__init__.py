"""Widgets and helpers shared by every tab."""
