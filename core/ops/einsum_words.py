"""einsum equations checked before torch sees them, and spelled out as the loops they mean."""

import re

from core.text import Text

_ALLOWED = re.compile(r"^[A-Za-z,. \-\>]*$")

_BAD_CHARS = Text(
    "The equation may hold only letters, commas, '->' and '...': '{equation}'.",
    "方程只能包含字母、逗号、'->' 和 '...'：'{equation}'。",
)
_BAD_ARROW = Text("Use '->' at most once, and '...' only as three dots.", "'->' 最多出现一次，'...' 必须是三个点。")
_BAD_COUNT = Text(
    "The equation names {terms} operand(s) but {operands} tensor(s) were given: one comma-separated term per operand.",
    "方程写了 {terms} 个操作数，但给出了 {operands} 个张量：每个张量对应一个用逗号分隔的下标组。",
)
_BAD_RANK = Text(
    "operands[{i}] has {ndim} dims but its term '{term}' names {letters}: one letter per dim (or '...' for the rest).",
    "operands[{i}] 有 {ndim} 维，但其下标 '{term}' 写了 {letters} 个字母：每一维一个字母（其余维可用 '...'）。",
)
_BAD_SIZE = Text(
    "Letter '{letter}' stands for size {first} in one place and {second} in another: the same letter must mean the same size.",
    "字母 '{letter}' 在一处代表大小 {first}，在另一处代表 {second}：同一个字母必须代表相同的大小。",
)
_BAD_OUTPUT = Text(
    "The output '{output}' uses a letter that no input has, or one letter twice.",
    "输出 '{output}' 中有输入里没有的字母，或者同一字母出现了两次。",
)


def parse(equation: str) -> tuple[list[str], str | None]:
    """('ij,jk->ik') -> (['ij', 'jk'], 'ik'); the output is None when implicit."""
    text = equation.replace(" ", "")
    left, _, right = text.partition("->")
    return left.split(","), (right if "->" in text else None)


def check(equation: str, shapes: list[tuple[int, ...]], lang: str) -> str | None:
    """Why torch would refuse this equation for these operand shapes, in the user's words; None when it is fine."""
    if not _ALLOWED.match(equation) or not equation.strip():
        return _BAD_CHARS(lang, equation=equation)
    if equation.count("->") > 1 or "-" in equation.replace("->", "") or ">" in equation.replace("->", ""):
        return _BAD_ARROW(lang)
    if "." in equation.replace("...", ""):
        return _BAD_ARROW(lang)
    terms, output = parse(equation)
    if len(terms) != len(shapes):
        return _BAD_COUNT(lang, terms=len(terms), operands=len(shapes))
    sizes: dict[str, int] = {}
    for i, (term, shape) in enumerate(zip(terms, shapes)):
        letters = term.replace("...", "")
        ellipsis = "..." in term
        if (not ellipsis and len(letters) != len(shape)) or (ellipsis and len(letters) > len(shape)):
            return _BAD_RANK(lang, i=i, ndim=len(shape), term=term, letters=len(letters))
        tail = shape[len(shape) - len(letters) :] if ellipsis and term.startswith("...") else shape[: len(letters)]
        for letter, size in zip(letters, tail):
            if letter in sizes and sizes[letter] != size:
                return _BAD_SIZE(lang, letter=letter, first=sizes[letter], second=size)
            sizes[letter] = size
    if output is not None:
        letters = output.replace("...", "")
        if len(set(letters)) != len(letters) or any(letter not in sizes for letter in letters):
            return _BAD_OUTPUT(lang, output=output)
    return None


def loops(equation: str, lang: str) -> str:
    """'result[i, k] = Σ_j operands[0][i, j] · operands[1][j, k]' with the kept and summed letters named."""
    terms, output = parse(equation)
    seen = [letter for term in terms for letter in term.replace("...", "")]
    if output is None:  # implicit mode: letters that appear once, in alphabetical order
        output = "".join(sorted(letter for letter in set(seen) if seen.count(letter) == 1))
    kept = output.replace("...", "")
    summed = sorted(set(seen) - set(kept))

    def index(term: str) -> str:
        parts = ["..." if part == "" else part for part in term.replace("...", " ").split(" ")] if "..." in term else [term]
        letters = []
        for part in parts:
            letters += ["..."] if part == "..." else list(part)
        return "[" + ", ".join(letters) + "]" if letters else ""

    product = " · ".join(f"operands[{i}]{index(term)}" for i, term in enumerate(terms))
    total = f"Σ_{{{','.join(summed)}}} " if summed else ""
    formula = f"result{index(output)} = {total}{product}"
    if lang == "zh":
        kept_words = "、".join(kept) or "无（结果是标量）"
        summed_words = "、".join(summed) or "无"
        return f"`{formula}`：保留的下标 {kept_words}；被求和消去的下标 {summed_words}"
    kept_words = ", ".join(kept) or "none (the result is a scalar)"
    summed_words = ", ".join(summed) or "none"
    return f"`{formula}`: kept indices {kept_words}; summed indices {summed_words}"
