"""The daily production report (DPR): what happened on a shoot day, what it paid (overtime, late meals,
forced calls) and what it did to the cost, against the day as planned."""
