"""The page's snippets: complete scripts that rebuild the state with torch and print what the page shows."""

from core.data.datasets import DATASETS, label_count
from core.data.loading import LoadResult
from core.data.params import DataSettings
from core.data.sequences import COLLATE_SOURCE, SequenceResult


def loader_call(settings: DataSettings) -> str:
    """`DataLoader(dataset, batch_size=3, shuffle=True, generator=...)`: drop_last and generator only when they
    matter."""
    parts = ["dataset", f"batch_size={settings.batch_size}", f"shuffle={settings.shuffle}"]
    if settings.drop_last:
        parts.append("drop_last=True")
    if settings.shuffle:
        parts.append(f"generator=torch.Generator().manual_seed({settings.generator})")
    return f"DataLoader({', '.join(parts)})"


def loader_snippet(settings: DataSettings) -> str:
    """A script that builds the dataset and loader and prints every batch's shapes and sample indices, epoch by
    epoch."""
    entry = DATASETS[settings.dataset]
    n, f = settings.N, settings.F
    m = label_count(n, settings.mismatch)
    label_note = "  # (N,) 0 or 1" if m == n else f"  # ({m},) but features has {n} rows: a size mismatch"
    lines = ["import torch", f"from torch.utils.data import DataLoader, {entry.import_name}", ""]
    if entry.definition:
        lines += ["", entry.definition.rstrip(), "", ""]
    lines += [
        f"g = torch.Generator().manual_seed({settings.seed})  # a private generator: the global RNG is untouched",
        f"features = torch.randn({n}, {f}, generator=g)  # (N, F)",
        f"labels = torch.randint(0, 2, ({m},), generator=g)" + label_note,
    ]
    if "index" in entry.tensors:
        lines.append(f"index = torch.arange({n})  # (N,) each sample's number, so each batch says which samples it holds")
    lines += [
        "",
        f"dataset = {entry.name}({', '.join(entry.tensors)})",
        f"loader = {loader_call(settings)}",
        "",
        f"for epoch in range({settings.epochs}):",
        '    print("epoch", epoch)',
        "    for inputs, targets, indices in loader:",
        "        print(inputs.shape, targets.shape, indices.tolist())",
    ]
    return "\n".join(lines) + "\n"


def loader_printed(result: LoadResult) -> str:
    """What the loader snippet prints, from the batches the page's own loader yielded; an error ends it as the
    traceback's last line would."""
    lines = []
    for e, epoch in enumerate(result.epochs):
        lines.append(f"epoch {e}")
        lines += [" ".join(str(s) for s in batch.shapes[:2]) + f" {batch.indices}" for batch in epoch.batches]
    if result.error is not None:
        lines.append(f"{result.error.type_name}: {result.error.torch_message}")
    return "".join(line + "\n" for line in lines)


def sequence_snippet(settings: DataSettings) -> str:
    """A script that pads variable-length sequences with the guide's collate_fn, then tries the default collate."""
    b = settings.batch_size
    return "\n".join([
        "import torch",
        "from torch.utils.data import DataLoader",
        "",
        "",
        COLLATE_SOURCE.rstrip(),
        "",
        "",
        f"g = torch.Generator().manual_seed({settings.seed})",
        f"lengths = torch.randint(1, {settings.max_len + 1}, ({settings.sequences},), generator=g)"
        "  # one length per sequence, 1..max_len",
        "dataset = [",
        "    (torch.randint(1, 10, (int(n),), generator=g).float(), torch.randint(0, 2, (), generator=g))",
        "    for n in lengths",
        "]  # a list of (x, y) samples is a dataset too: DataLoader needs only len() and [i]",
        "",
        f"loader = DataLoader(dataset, batch_size={b}, collate_fn=collate_fn)",
        "for inputs, targets in loader:",
        "    print(inputs)",
        "    print(targets)",
        "",
        "try:",
        f"    for inputs, targets in DataLoader(dataset, batch_size={b}):  # the default collate_fn",
        "        print(inputs.shape)",
        "except RuntimeError as error:",
        '    print("RuntimeError:", error)',
    ]) + "\n"


def sequence_printed(result: SequenceResult) -> str:
    """What the sequence snippet prints, from the page's own batches."""
    text = "".join(f"{batch.inputs}\n{batch.targets}\n" for batch in result.padded)
    text += "".join(f"{shape}\n" for shape in result.default_shapes)
    if result.default_error is not None:
        text += f"RuntimeError: {result.default_error}\n"
    return text
