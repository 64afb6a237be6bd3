"""The subsidy ledger: programmes, monthly batches, reversals, coverage gaps, its documents."""
