"""lexicon: the words every stage shares, and the lexical resources that judge them.

The floor of the pipeline: `read`, `ledger`, `checks`, `compare` and `corpus` import from here,
and this package imports none of them. It holds the closed word classes a copy desk reasons
with (reporting verbs and their force, modals and hedges, directions, time prepositions),
the spelling and accent folds (`normalise`), the country table (`places`), and WordNet 3.0
(`wordnet`), read from its own database files.
"""
