"""Entity model training (``train``), cross-validation (``crossval``), evaluation
(``evaluate``) and the files learned from the unlabelled corpus (``clusters_build``,
``corpus_names``)."""
