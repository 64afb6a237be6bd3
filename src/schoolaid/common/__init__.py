"""Shared plain building blocks: errors, files, translation, paths, progress, validation, words."""
