"""Offline data for the reference runs: FashionMNIST, IMDB, BERT, batching, synthetic sets."""
