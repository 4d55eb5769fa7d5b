"""Cliffhanger's domain: tables, importers, scheduling, budgets and exports. Never imports Qt."""

__version__ = "0.1.0"
