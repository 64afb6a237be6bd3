"""First-start setup, schools and villages."""
