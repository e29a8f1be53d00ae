"""nlp: the parse (sentences, tokens, entities, dependencies) as plain data."""

from copydesk.nlp.annotate import Annotated, Entity, Sentence, Token, annotate, annotate_many

__all__ = ["Annotated", "Entity", "Sentence", "Token", "annotate", "annotate_many"]
