"""lexicon: the words every stage shares, and the lexical resources that judge them.

The floor of the pipeline: `read`, `ledger`, `checks`, `compare` and `corpus` import from here,
and this package imports none of them.

- `reporting`: reporting verbs, which are neutral, and the class each loaded one belongs to;
- `modality`: modals and their force, hedges, negators;
- `titles`: "former" and "current", abbreviated titles ("Sen.");
- `classes`: other closed classes (directions, time prepositions, months, light verbs,
  irregular participles);
- `normalise`: spelling, accent and title folds; `places`: the country table;
- `wordnet`: WordNet 3.0 read from its database files; `senses`: how two words relate in it;
- `vocabulary`: wordfreq's frequencies and the spelling dictionary, from a compact file built
  at install time (or the libraries themselves).
"""
