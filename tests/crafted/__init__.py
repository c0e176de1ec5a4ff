"""Crafted submissions for fidelity tests, written from the homework statements alone.

Each module ``gen_*.py`` here has a ``cases()`` function returning :class:`Case` objects:
one student's submission (file names and contents) and the score range an expert TA accepts
for each problem. ``tests/test_fidelity_crafted.py`` grades them all and measures how many
problem scores fall inside the ranges, and how many misses are silent (no ``needs_review``).
"""
