"""The strings of the module containers page."""

from core.text import Text

MSG: dict[str, Text] = {
    "containers_nav": Text("Module containers", "模块容器"),
    "containers_home_card": Text(
        "nn.ModuleList, nn.ParameterList or a plain list: what parameters(), state_dict(), an optimizer step and "
        ".to() see in each, and the guide's two models run layer by layer on an input you shape.",
        "nn.ModuleList、nn.ParameterList 还是普通列表：parameters()、state_dict()、优化器的一步和 .to() "
        "分别能看到什么；再把指南中的两个模型逐层运行在你设定形状的输入上。",
    ),
    "containers_title": Text("Module containers: nn.ModuleList and nn.ParameterList", "模块容器：nn.ModuleList 与 nn.ParameterList"),
    "containers_intro": Text(
        "An nn.Module only knows about the layers and parameters it can see: attributes that are modules, "
        "parameters, or the containers made for them. Hold the same layers three ways and ask torch what it sees.",
        "nn.Module 只认得它能看见的层和参数：本身是模块或参数的属性，以及为它们准备的容器。"
        "用三种方式保存同样的层，问问 torch 它看到了什么。",
    ),
    "containers_tab_holders": Text("One model, three holders", "同一个模型，三种容器"),
    "containers_tab_guide": Text("The guide's models", "指南中的模型"),
    # one model, three holders
    "containers_layers": Text("layers in the list", "列表中的层数"),
    "containers_features": Text("features (in = out)", "特征数（输入 = 输出）"),
    "containers_features_help": Text(
        "Every layer is nn.Linear(features, features) (or a features x features weight), so the layers chain.",
        "每一层都是 nn.Linear(features, features)（或 features x features 的权重），这样各层可以首尾相接。",
    ),
    "containers_bias_help": Text(
        "nn.Linear's own `bias` argument (the ParameterList model has weights only).",
        "nn.Linear 自己的 `bias` 参数（ParameterList 模型只有权重）。",
    ),
    "containers_plain_lesson": Text(
        "A plain Python list hides its layers from nn.Module. parameters() is empty and state_dict() has no keys, "
        "so the optimizer has nothing to update (torch.optim.SGD refuses an empty list) and a saved model has no "
        "weights; autograd still computes their gradients, but nothing ever applies them. .to(torch.float64) "
        "leaves those layers in float32, so a float64 input then fails. Wrap the list in nn.ModuleList (or the "
        "parameters in nn.ParameterList) to register them.",
        "普通的 Python 列表会把其中的层藏起来，nn.Module 看不到它们：parameters() 为空，state_dict() 没有任何键，"
        "所以优化器没有可更新的参数（torch.optim.SGD 直接拒绝空列表），保存的模型也没有权重；自动求导仍然会算出"
        "它们的梯度，但永远不会被应用。.to(torch.float64) 也不会转换这些层，它们仍是 float32，于是 float64 输入会报错。"
        "把列表换成 nn.ModuleList（参数则用 nn.ParameterList）即可注册它们。",
    ),
    "containers_parameters": Text("parameters()", "parameters()"),
    "containers_parameters_value": Text("{count} tensors", "{count} 个张量"),
    "containers_elements": Text("{count} elements", "{count} 个元素"),
    "containers_state_dict": Text("state_dict() keys", "state_dict() 的键"),
    "containers_no_keys": Text("(none)", "（没有）"),
    "containers_layer_n": Text("layer {i}", "第 {i} 层"),
    "containers_grad": Text("grad computed", "算出了梯度"),
    "containers_changed": Text("changed by SGD step", "被 SGD 一步更新"),
    "containers_dtype_after": Text("dtype after .to(float64)", ".to(float64) 之后的类型"),
    "containers_optimizer_error": Text(
        "`torch.optim.SGD(model.parameters())` raised: {error}\n\nA plain list registers nothing, so the model has "
        "no parameters to give the optimizer.",
        "`torch.optim.SGD(model.parameters())` 报错：{error}\n\n普通列表不会注册任何东西，所以模型没有可以交给优化器的参数。",
    ),
    "containers_forward_error": Text(
        "After `.to(torch.float64)`, a float64 x fails: {error}\n\n`.to()` converts only registered layers; the "
        "plain list's layers are still float32.",
        "执行 `.to(torch.float64)` 之后，float64 的 x 会失败：{error}\n\n`.to()` 只转换已注册的层；普通列表里的层仍是 float32。",
    ),
    "containers_table_help": Text(
        "One column per layer's weight. The SGD step is one torch.optim.SGD(model.parameters(), lr=0.1) step after "
        "model(x).pow(2).mean().backward().",
        "每一列是一层的权重。SGD 一步指在 model(x).pow(2).mean().backward() 之后执行一次 "
        "torch.optim.SGD(model.parameters(), lr=0.1) 的 step。",
    ),
    # the guide's models
    "containers_model": Text("Model", "模型"),
    "containers_input_intro": Text(
        "Shape the input and watch each element of the container change it.", "调整输入的形状，看容器中的每个元素如何改变它。"
    ),
    "containers_batch": Text("batch", "batch（批大小）"),
    "containers_height": Text("height", "height（高）"),
    "containers_width": Text("width", "width（宽）"),
    "containers_step": Text("step", "步骤"),
    "containers_shape": Text("output shape", "输出形状"),
    "containers_flow": Text("Shapes: {flow}", "形状变化：{flow}"),
    "containers_walk_failed": Text(
        "torch stopped at `{step}`: {error}", "torch 在 `{step}` 处停止：{error}"
    ),
}
