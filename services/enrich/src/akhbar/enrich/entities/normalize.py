"""Arabic spelling normalization used for matching, never for output.

News text writes one name several ways (أنتربول / انتربول / إنتربول, مكة / مكه, ...).
Every lookup key in the recognizer goes through :func:`normalize`, so a gazetteer entry,
a feature and a canonical group all agree on one spelling. Output spans stay on the
original text.

Why this is ``akhbar.shared.arabic.fold_letters`` per word and not ``matching_form``: it runs
on every token of the labeller's hot path and on single words (no whitespace, NFKC or
invisible marks to handle; the tokenizer has split them off), and ASCII words only need
``lower()``.
"""

from __future__ import annotations

from akhbar.shared.arabic import fold_word

# One word in one spelling: no diacritics or tatweel, bare alef, dotless yaa, haa for taa
# marbuta, lower case. Defined once in akhbar.shared.arabic, where the store's entity registry
# reads names with it too.
normalize = fold_word
