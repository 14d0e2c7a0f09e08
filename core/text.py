"""A piece of user-visible text in both of the app's languages."""

from dataclasses import dataclass

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Text:
    """English and Simplified Chinese versions of one string (may hold `{name}` fields)."""

    en: str
    zh: str

    def __call__(self, lang: str, **fields) -> str:
        template = self.zh if lang == "zh" else self.en
        return template.format(**fields) if fields else template
