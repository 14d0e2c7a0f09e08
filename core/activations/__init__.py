"""The activations page's core: the activation catalog, curves with autograd derivatives, softmax on a grid, and
the numerical stability of softmax. Plain torch and plotly; no streamlit."""
