"""Figures across domains: indicators, today's work, quarterly and township summaries, printouts."""
