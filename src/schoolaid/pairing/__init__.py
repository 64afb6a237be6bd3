"""Household pairing: staff, pairings and their quotas, visits, school pairing, the register."""
