"""Encrypted backups to carry to the township, and local safety copies."""
