"""Limits on what the reader accepts, shared by files, standard input and URLs."""

from __future__ import annotations

# The largest input read, in bytes (files, standard input, URL bodies). A long news page
# with all its markup is 0.2-2 MB and a long article's text 50 KB; 10 MB leaves ample room
# for bloated pages while refusing data dumps before they are loaded: reads stop at
# MAX_INPUT_BYTES + 1 bytes.
MAX_INPUT_BYTES = 10 * 1024 * 1024
MAX_INPUT_MB = MAX_INPUT_BYTES // (1024 * 1024)

# Seconds allowed for the whole fetch of a URL: connecting, waiting for the server and
# reading the body. News pages arrive in 1-3 s; 20 s tolerates a slow site without leaving a
# batch job hanging on a dead one.
FETCH_TIMEOUT_S = 20.0

# The fewest words of body text (after page junk is set aside) that make an article. The
# shortest news briefs run to 40-60 words; 20 is below any brief but above a headline with
# a dateline or a page left with only its furniture, and enough for the language check.
MIN_WORDS = 20

# The most characters of article text checked. The longest long-form features run to about
# 15,000 words (90,000 characters); 200,000 leaves twice that while keeping the parse well
# inside spaCy's own limit of 1,000,000 characters and its memory (about 1 GB per 100,000
# characters at worst). Longer texts are books, transcripts or dumps, not articles.
MAX_ARTICLE_CHARS = 200_000

# The fewest different words an article of N words uses, as a multiple of the square root of
# N. By Heaps' law a text's vocabulary grows as K * N ** b (b about 0.5 for English); the 17
# real articles in ../shared/cases and examples/ give K from 8.8 to 13 on this measure, and
# even one report copied out a hundred times end to end (as tests make long texts) keeps
# about 1. A text of the same few words repeated ("a. a. a. ...", filler, a fuzzer's output)
# falls far below 0.5 and is refused before the parse spends minutes and gigabytes on it.
MIN_VOCABULARY_FACTOR = 0.5
