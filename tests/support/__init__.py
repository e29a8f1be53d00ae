"""Test data the suite, the benches and the evals share (never part of the package).

Tests import it as ``support`` (tests/ is on the path under pytest); a script of bench/ or
eval/ puts tests/ on its path first.
"""
