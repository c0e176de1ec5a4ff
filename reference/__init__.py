"""Reference solutions: derivations, models and recorded results."""
