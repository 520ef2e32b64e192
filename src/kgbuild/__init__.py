"""kgbuild: news articles to a knowledge graph of claims."""
