"""Tests, one module per stage plus end-to-end runs over fixtures/ and the seed."""
