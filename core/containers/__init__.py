"""The module containers page's core: one small model held three ways (nn.ModuleList, nn.ParameterList, a plain
list) and what each registers, and the guide's two container models run layer by layer. No streamlit."""
