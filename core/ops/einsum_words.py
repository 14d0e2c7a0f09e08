"""einsum equations: checked for what could harm the server before torch sees them, torch's refusals put into
words, and spelled out as the loops they mean. Whether an equation fits its operands is torch's to decide (it
broadcasts size-1 dims and takes '...' anywhere in a term)."""

import re

from core.text import Text, shown

MAX_EQUATION = 60  # characters: the equation box and the URL take no more
_ALLOWED = re.compile(r"^[A-Za-z,. \-\>]*$")

_BAD_CHARS = Text(
    "The equation may hold only letters, commas, '->' and '...': {equation}.",
    "方程只能包含字母、逗号、'->' 和 '...'：{equation}。",
)
_TOO_LONG = Text("The equation may be at most {max} characters long.", "方程最多只能有 {max} 个字符。")
_BAD_ARROW = Text("Use '->' at most once, and only between the inputs and the output.",
                  "'->' 最多出现一次，且只能位于输入与输出之间。")
_BAD_DOTS = Text("'.' may appear only as '...' (three dots), at most once per term.",
                 "'.' 只能以 '...'（三个点）的形式出现，每组下标最多一次。")
_BAD_COUNT = Text(
    "The equation names {terms} operand(s) but {operands} tensor(s) were given: one comma-separated term per operand.",
    "方程写了 {terms} 个操作数，但给出了 {operands} 个张量：每个张量对应一个用逗号分隔的下标组。",
)
_BAD_RANK = Text(
    "operands[{i}] has {ndim} dims but its term {term} names {letters}: one letter per dim (or '...' for the rest).",
    "operands[{i}] 有 {ndim} 维，但其下标 {term} 写了 {letters} 个字母：每一维一个字母（其余维可用 '...'）。",
)
_BAD_SIZE = Text(
    "Letter {letter} stands for size {second} in operands[{i}] but {first} before: a letter must mean the same size "
    "everywhere (a size of 1 broadcasts).",
    "字母 {letter} 在 operands[{i}] 中代表大小 {second}，而之前代表 {first}：同一个字母在各处必须代表相同的大小"
    "（大小为 1 的维可以广播）。",
)
_BAD_DIAGONAL = Text(
    "Letter {letter} appears twice in operands[{i}]'s term (a diagonal, as in 'ii->'), so those two dims need one "
    "size, not {first} and {second}.",
    "字母 {letter} 在 operands[{i}] 的下标中出现了两次（取对角线，如 'ii->'），所以这两维的大小必须相同，而不是 {first} 和 {second}。",
)
_BAD_ELLIPSIS = Text(
    "The dims '...' stands for must broadcast across the operands: operands[{i}] has size {second} where an earlier "
    "operand has {first}.",
    "'...' 代表的各维在操作数之间必须能广播：operands[{i}] 的大小为 {second}，而之前的操作数为 {first}。",
)
_OUTPUT_UNKNOWN = Text("The output letter {letter} names no input dim: every output letter must appear in an input term.",
                       "输出中的字母 {letter} 不对应任何输入维：输出的每个字母都必须出现在某个输入的下标中。")
_OUTPUT_TWICE = Text("The output letter {letter} appears twice: each output letter names one dim of the result.",
                     "输出中的字母 {letter} 出现了两次：输出的每个字母对应结果的一维。")


def parse(equation: str) -> tuple[list[str], str | None]:
    """('ij,jk->ik') -> (['ij', 'jk'], 'ik'); the output is None when implicit."""
    text = equation.replace(" ", "")
    left, _, right = text.partition("->")
    return left.split(","), (right if "->" in text else None)


def check(equation: str, lang: str) -> str | None:
    """What torch must not be handed: an equation too long or with characters einsum never takes. Everything else
    (term counts, sizes, broadcasting) is torch's to decide, and `explain` puts its refusal into words."""
    if len(equation) > MAX_EQUATION:
        return _TOO_LONG(lang, max=MAX_EQUATION)
    if not _ALLOWED.fullmatch(equation):
        return _BAD_CHARS(lang, equation=shown(equation))
    return None


def explain(message: str, equation: str, shapes: list[tuple[int, ...]], lang: str) -> str | None:
    """torch's einsum refusal in plain words (None for a message this does not know)."""
    terms, _ = parse(equation)
    for pattern, words in _EXPLANATIONS:
        match = pattern.search(message)
        if match:
            return words(match, terms, shapes, lang)
    return None


def _term(terms: list[str], i: int) -> str:
    return shown(terms[i]) if i < len(terms) else f"#{i}"


_EXPLANATIONS = (
    (re.compile(r"(fewer|more) operands were provided than specified"),
     lambda m, terms, shapes, lang: _BAD_COUNT(lang, terms=len(terms), operands=len(shapes))),
    (re.compile(r"number of subscripts in the equation \((\d+)\) (?:does not match|is more than) the number of "
                r"dimensions \((\d+)\) for operand (\d+)"),
     lambda m, terms, shapes, lang: _BAD_RANK(lang, i=m[3], ndim=m[2], term=_term(terms, int(m[3])), letters=m[1])),
    (re.compile(r"subscript (\w) has size (\d+) for operand (\d+) which does not broadcast with previously seen size "
                r"(\d+)"),
     lambda m, terms, shapes, lang: _BAD_SIZE(lang, letter=shown(m[1]), second=m[2], i=m[3], first=m[4])),
    (re.compile(r"subscript (\w) is repeated for operand (\d+) but the sizes don't match, (\d+) != (\d+)"),
     lambda m, terms, shapes, lang: _BAD_DIAGONAL(lang, letter=shown(m[1]), i=m[2], first=m[3], second=m[4])),
    (re.compile(r"covered by ellipsis in operand (\d+) ?has size (\d+) which does not broadcast with previously seen "
                r"ellipsis with size (\d+)"),
     lambda m, terms, shapes, lang: _BAD_ELLIPSIS(lang, i=m[1], second=m[2], first=m[3])),
    (re.compile(r"output subscript (\w) does not appear in the equation"),
     lambda m, terms, shapes, lang: _OUTPUT_UNKNOWN(lang, letter=shown(m[1]))),
    (re.compile(r"output subscript (\w) appears more than once"),
     lambda m, terms, shapes, lang: _OUTPUT_TWICE(lang, letter=shown(m[1]))),
    (re.compile(r"found '\.' for operand \d+ (that is not part of any ellipsis|for which an ellipsis was already found)"),
     lambda m, terms, shapes, lang: _BAD_DOTS(lang)),
    (re.compile(r"invalid subscript given at index \d+"), lambda m, terms, shapes, lang: _BAD_ARROW(lang)),
)


def loops(equation: str, lang: str) -> str:
    """'result[i, k] = Σ_j operands[0][i, j] · operands[1][j, k]' with the kept and summed letters named."""
    terms, output = parse(equation)
    seen = [letter for term in terms for letter in term.replace("...", "")]
    dotted = any("..." in term for term in terms)
    if output is None:  # implicit mode: '...' first, then the letters that appear once, in alphabetical order
        output = ("..." if dotted else "") + "".join(sorted(letter for letter in set(seen) if seen.count(letter) == 1))
    kept = output.replace("...", "")
    summed = sorted(set(seen) - set(kept)) + (["..."] if dotted and "..." not in output else [])

    def index(term: str) -> str:
        letters = []
        for part in re.split(r"(\.\.\.)", term):  # '...' may sit anywhere in a term: 'i...j'
            letters += [part] if part == "..." else list(part)
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
