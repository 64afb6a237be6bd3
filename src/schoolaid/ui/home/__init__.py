"""The home tab."""
