"""The SQLite database: opening, migrations, connection settings, transactions, and the tables."""
