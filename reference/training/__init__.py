"""Training loops for the reference tasks, with a fast path for CUDA GPUs."""
