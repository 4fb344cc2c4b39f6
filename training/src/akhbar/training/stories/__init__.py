"""Building and scoring story grouping (akhbar.store.stories) from the unlabelled corpora."""
