"""Files SchoolAid reads and writes: spreadsheets in, .xlsx and PDF out."""
