"""One palette for the racers, shared by the loss chart, the boundary charts and the surface page's paths."""

# Twelve colours told apart on white at a glance (Sasha Trubetskoy's "20 distinct colours", the light ones left
# out); a 13th racer reuses the first colour.
RACER_COLOURS = ("#4363d8", "#f58231", "#3cb44b", "#e6194b", "#911eb4", "#42d4f4", "#f032e6", "#469990",
                 "#9a6324", "#800000", "#808000", "#000075")


def racer_colour(index: int) -> str:
    """The colour of racer `index` (0-based), the same in every chart."""
    return RACER_COLOURS[index % len(RACER_COLOURS)]
