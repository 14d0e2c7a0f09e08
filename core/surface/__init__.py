"""Optimizers on a surface: 2-d test functions, real torch.optim runs over them, and their figures."""
