"""The training engine behind the Training lab: a race of optimizers from one start on one batch order.

datasets    toy data made in torch from a seed (one entry each)      model       the MLP and the ids model
losses      the losses and the tasks they fit                        optimizers  torch's optimizers and FTRL
ftrl        FTRL-Proximal, the project's own optimizer               config      a race's settings and caps
race        the steppable race; plain and fast hold its two paths    batches     the one seeded batch order
optimizer_state, boundary, results, script: looking at a race (state tensors, decision grid, table, script)
"""
