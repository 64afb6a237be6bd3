"""The command line: a second face on the same services as the window."""
