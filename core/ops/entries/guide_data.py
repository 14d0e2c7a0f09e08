"""The guide's example data that several presets share, and the values derived from it.

A derived value is computed by torch here, never copied from the guide's print-out: the guide prints the softmax of
its second row of logits as [0.1863, 0.5141, 0.2996], which is not what torch gives ([0.1223, 0.6056, 0.2721]).
"""

import torch

GUIDE_LOGITS = [[2.0, 1.0, 0.1], [0.5, 2.1, 1.3]]  # (2, 3): two samples, three classes
GUIDE_X = [[0.4702, 0.5145], [-0.0682, -1.445]]  # (2, 2): the guide's x, of which x[1, 1].item() is taken
PROBABILITY_PLACES = 4  # the guide prints probabilities to 4 places


def guide_probabilities() -> list:
    """softmax(GUIDE_LOGITS, dim=1) as torch computes it, rounded by torch to the guide's 4 places."""
    probabilities = torch.softmax(torch.tensor(GUIDE_LOGITS), dim=1)  # (2, 3), each row sums to 1
    return probabilities.round(decimals=PROBABILITY_PLACES).tolist()
