"""Scheduling: the stripboard, its costs, Day Out of Days, conflicts and the optimizer."""
