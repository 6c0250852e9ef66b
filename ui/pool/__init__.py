"""The public customer pool (公海): claim, assign, release."""
