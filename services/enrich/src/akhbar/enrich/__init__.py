"""akhbar enrich: entities and date expressions for parsed articles, offline."""
