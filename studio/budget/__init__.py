"""Budget arithmetic: exact money, exchange rates, line and account totals."""
