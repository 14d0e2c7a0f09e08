"""AppTest of the Training lab: a short race driven to completion, URL state, language, bad settings."""


import pytest
from streamlit.testing.v1 import AppTest
from tests.apptests import open_page as open_app_page


def open_lab(query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    return open_app_page("training_lab", query, lang)


def race(at: AppTest):
    return at.session_state["train.race"]


def test_a_short_race_runs_to_completion_with_every_racer_stepping():
    at = open_lab({"steps": "12", "racers": "SGD:lr=0.1;SGD:lr=0.5;Adam:lr=0.01;LBFGS:lr=1"})
    assert not at.exception
    at.button(key="train.play").click().run()
    for _ in range(60):  # each run is one fragment tick in AppTest; a tick trains within a small time budget
        at.run()
        assert not at.exception
        if race(at).done:
            break
    at.run()  # the run after the last tick draws the buttons of a finished race
    assert race(at).done and race(at).step_count == 12
    table = at.dataframe[0].value
    assert len(table) == 4 and (table.iloc[:, 3] == 12).all()  # steps column
    evals = table.iloc[:, 8].tolist()
    assert evals[3] > 12, "LBFGS's extra function evaluations are counted"
    assert at.button(key="train.play").disabled


def test_pause_takes_no_further_step():
    """The Pause click's own run already draws the race paused: the server stops within the tick it is in."""
    at = open_lab({"steps": "200"})
    at.button(key="train.play").click().run()  # playing: this run's fragment takes a tick of steps
    at.run()
    playing_at = race(at).step_count
    assert playing_at > 0
    at.button(key="train.pause").click().run()  # the Pause button in its place
    assert race(at).step_count == playing_at, "the run that handled Pause still stepped"
    at.run()
    assert race(at).step_count == playing_at and not at.session_state["train.playing"]


def test_step_takes_exactly_one_step_and_reset_starts_over():
    at = open_lab({"steps": "50"})
    at.button(key="train.step_once").click().run()
    at.button(key="train.step_once").click().run()
    assert race(at).step_count == 2
    at.button(key="train.reset").click().run()
    assert race(at).step_count == 0


def test_racers_start_from_the_same_weights_and_see_the_same_batches():
    at = open_lab({"steps": "5", "racers": "SGD:lr=0.1;SGD:lr=0.1"})
    for _ in range(5):
        at.button(key="train.step_once").click().run()
    first, second = race(at).racers
    assert first.losses == second.losses  # same optimizer, same start, same batches: the same race


def test_changing_a_learning_rate_mid_run_keeps_the_race_going():
    at = open_lab({"steps": "50", "racers": "SGD:lr=0.1;Adam:lr=0.01"})
    at.button(key="train.step_once").click().run()
    at.text_input(key="train.racers").set_value("SGD:lr=0.3;Adam:lr=0.01").run()
    assert race(at).step_count == 1, "a step-size change must not restart the race"
    assert race(at).racers[0].optimizer.param_groups[0]["lr"] == 0.3
    at.text_input(key="train.racers").set_value("SGD:lr=0.3,momentum=0.9;Adam:lr=0.01").run()
    assert race(at).step_count == 1, "a racer's own setting applies mid-race too"
    assert race(at).racers[0].optimizer.param_groups[0]["momentum"] == 0.9
    at.slider(key="train.width").set_value(9).run()
    assert race(at).step_count == 0, "a shared setting starts a new race"
    assert any("`width`" in i.value and "step 1" in i.value for i in at.info), "and says so"


def test_url_opens_its_configuration():
    at = open_lab({"dataset": "spiral3", "loss": "CrossEntropyLoss", "width": "16", "racers": "Adam:lr=0.02"})
    assert not at.exception
    assert race(at).config.dataset == "spiral3" and race(at).config.width == 16
    assert race(at).racers[0].racer.hyper == {"lr": 0.02}


def test_malformed_url_warns_and_falls_back():
    at = open_lab({"width": "999", "dataset": "mnist"})
    assert not at.exception
    assert len(at.warning) >= 2
    assert race(at).config.width == 8


def test_unfit_loss_is_explained_not_crashed():
    at = open_lab({"dataset": "sine", "loss": "CrossEntropyLoss"})
    assert not at.exception
    assert at.error and "CrossEntropyLoss" in at.error[0].value


def test_bad_racers_text_is_explained():
    at = open_lab()
    at.text_input(key="train.racers").set_value("Adamm:lr=0.1").run()
    assert not at.exception
    assert "Adamm" in at.error[0].value


def test_sparse_adam_says_why_it_cannot_run_on_dense_gradients():
    at = open_lab({"steps": "3", "racers": "SparseAdam:lr=0.01;Adam:lr=0.01"})
    assert not at.exception
    assert race(at).racers[0].status == "cannot_run"


@pytest.mark.parametrize("dataset,loss", [("blobs", "CrossEntropyLoss"), ("sine", "MSELoss"), ("clicks", "BCEWithLogitsLoss")])
def test_other_tasks_run(dataset, loss):
    at = open_lab({"dataset": dataset, "loss": loss, "steps": "3"})
    at.button(key="train.step_once").click().run()
    assert not at.exception
    assert race(at).step_count == 1


def test_chinese():
    at = open_lab(lang="zh")
    assert at.title[0].value == "训练实验室：优化器赛跑"


def test_a_panel_edit_rewrites_the_racers_and_the_race_follows():
    at = open_lab({"steps": "50", "racers": "SGD:lr=0.1;Adam:lr=0.01"})
    assert at.number_input(key="train.hyper.0.momentum").value == 0.0  # torch's default
    at.button(key="train.step_once").click().run()
    at.number_input(key="train.hyper.0.lr").set_value(0.2).run()
    assert at.text_input(key="train.racers").value == "SGD:lr=0.2;Adam:lr=0.01"
    assert race(at).step_count == 1 and race(at).racers[0].optimizer.param_groups[0]["lr"] == 0.2
    at.checkbox(key="train.hyper.1.amsgrad").check().run()
    assert at.text_input(key="train.racers").value == "SGD:lr=0.2;Adam:lr=0.01,amsgrad=True"
    assert race(at).step_count == 1 and race(at).racers[1].optimizer.param_groups[0]["amsgrad"]
    at.button(key="train.hyper.1.remove").click().run()
    assert at.text_input(key="train.racers").value == "SGD:lr=0.2"
    assert race(at).step_count == 1 and len(race(at).racers) == 1
    assert not at.exception


def test_torch_defaults_button_puts_back_what_torch_optim_uses():
    """The playground starts LBFGS from 5 iterations and a line search; the button restores torch's own values,
    read from torch.optim.LBFGS's signature, and leaves the other racer alone."""
    import inspect

    import torch

    at = open_lab({"steps": "20", "racers": "SGD:lr=0.1,momentum=0.9;LBFGS:lr=1"})
    at.button(key="train.hyper.1.torch_defaults").click().run()
    assert not at.exception
    torch_lbfgs = inspect.signature(torch.optim.LBFGS).parameters
    assert at.text_input(key="train.racers").value == (
        f"SGD:lr=0.1,momentum=0.9;LBFGS:lr={torch_lbfgs['lr'].default:g},max_iter={torch_lbfgs['max_iter'].default},"
        f"history_size={torch_lbfgs['history_size'].default},line_search_fn=None"
    )
    assert at.number_input(key="train.hyper.1.max_iter").value == torch_lbfgs["max_iter"].default
    at.button(key="train.hyper.0.torch_defaults").click().run()
    sgd = race(at).racers[0].optimizer.param_groups[0]
    assert sgd["lr"] == inspect.signature(torch.optim.SGD).parameters["lr"].default and sgd["momentum"] == 0


def test_speed_sets_the_steps_per_frame_without_restarting_the_race():
    at = open_lab({"steps": "100", "speed": "1"})
    at.button(key="train.play").click().run()  # this run's tick: one step
    assert race(at).step_count == 1
    at.select_slider(key="train.speed").set_value(32).run()  # a full run, and its tick takes up to 32 more
    assert at.query_params["speed"] == "32"
    assert 1 < race(at).step_count <= 33, "a speed change keeps the race and its steps"


def test_add_button_appends_the_picked_optimizer():
    at = open_lab({"steps": "20", "racers": "SGD:lr=0.1"})
    at.selectbox(key="train.add").select("Adam").run()
    at.button(key="train.add_button").click().run()
    assert not at.exception
    assert at.text_input(key="train.racers").value == "SGD:lr=0.1;Adam:lr=0.01"
    assert [r.racer.optimizer for r in race(at).racers] == ["SGD", "Adam"]


def test_a_replayed_step_click_takes_no_second_step():
    """Streamlit can run a click's callback again in the next run; the click number makes Step happen once."""
    at = open_lab({"steps": "50"})
    drawn_for = at.session_state["train.clicks"]
    at.button(key="train.step_once").click().run()
    assert race(at).step_count == 1
    at.session_state["train.action"] = ("step", drawn_for)  # what a replayed callback leaves behind
    at.run()
    assert race(at).step_count == 1, "the replayed click stepped again"
    at.button(key="train.step_once").click().run()  # a new click is drawn with the new number
    assert race(at).step_count == 2


def test_step_while_playing_pauses_and_takes_one_step():
    at = open_lab({"steps": "100"})
    at.button(key="train.play").click().run()  # playing; this run's tick takes a few steps
    before = race(at).step_count
    at.button(key="train.step_once").click().run()
    assert not at.session_state["train.playing"] and race(at).step_count == before + 1


def finish(at: AppTest, runs: int = 100) -> AppTest:
    """Play the race to its end, then run until the script block has what the script prints (each run is one tick
    in AppTest)."""
    at.button(key="train.play").click().run()
    for _ in range(runs):
        held = at.session_state["train.script_run"] if "train.script_run" in at.session_state else None
        if race(at).done and (held is None or held[2].done) and any("Computed" in c.value for c in at.caption):
            return at
        at.run()
    raise AssertionError("the race or the script's run did not end")


def test_a_link_s_noise_above_the_dataset_s_maximum_is_said_and_the_warning_stays():
    at = open_lab({"noise": "1.0", "dataset": "moons", "steps": "5"})
    messages = [w.value for w in at.warning if "`noise`" in w.value]
    assert messages and "` 1.0 `" in messages[0] and "0.5" in messages[0]
    assert race(at).config.noise == 0.5
    at.button(key="train.step_once").click().run()
    assert [w.value for w in at.warning if "`noise`" in w.value], "the warning went away on the next run"
    at.slider(key="train.width").set_value(9).run()
    assert not [w.value for w in at.warning if "`noise`" in w.value]


def test_every_optimizer_from_one_link():
    """All sixteen, one racer each, fit in the link; the ones that cannot train the MLP say why, the others run."""
    from core.training.optimizers import OPTIMIZERS

    text = ";".join(OPTIMIZERS)
    at = open_lab({"racers": text, "steps": "3"})
    assert not at.exception and not at.error
    at.button(key="train.step_once").click().run()
    states = {s.racer.optimizer: s.status for s in race(at).racers}
    assert states.pop("SparseAdam") == states.pop("Muon") == "cannot_run"
    assert set(states.values()) == {"running"}
    assert at.query_params["racers"] == text


def test_a_new_optimizer_is_added_raced_and_its_tuple_panel_edited():
    """Adafactor from the Add box: its eps panel shows torch's (None, 0.001), the first box empty; editing the
    second writes eps=None/0.01 into the racers text, and the race follows."""
    at = open_lab({"steps": "20", "racers": "SGD:lr=0.1"})
    at.selectbox(key="train.add").select("Adafactor").run()
    at.button(key="train.add_button").click().run()
    assert at.text_input(key="train.racers").value == "SGD:lr=0.1;Adafactor:lr=0.1"
    assert at.number_input(key="train.hyper.1.eps.0").value is None
    assert at.number_input(key="train.hyper.1.eps.1").value == 0.001
    at.number_input(key="train.hyper.1.eps.1").set_value(0.01).run()
    assert not at.exception
    assert at.text_input(key="train.racers").value == "SGD:lr=0.1;Adafactor:lr=0.1,eps=None/0.01"
    assert race(at).racers[1].racer.hyper["eps"] == (None, 0.01)


def test_the_script_block_shows_what_the_script_prints_and_the_drift():
    """A fast-path racer: the printed block is the script's own loop's output (script_output of a PlainRun), with
    the race's drift from it said above; a plain-path racer's block is the race's own numbers, said so."""
    from core.training.config import Racer
    from core.training.plain import PlainRun
    from core.training.script import script_output

    at = finish(open_lab({"steps": "60", "racers": "AdamW:lr=0.01;LBFGS:lr=1"}))
    assert not at.exception
    expected = script_output(PlainRun(race(at).config, Racer("AdamW", {"lr": 0.01})).advance())
    assert at.code[1].value.strip() == expected.strip()
    assert any("at most" in c.value and "apart over 60 steps" in c.value for c in at.caption)
    at.selectbox(key="train.inspect_racer").select_index(1).run()
    assert any("plain path" in c.value for c in at.caption if "Computed" in c.value)


def test_too_many_lbfgs_iterations_per_step_are_refused_with_a_message():
    at = open_lab({"racers": ";".join(["LBFGS:max_iter=20"] * 3)})
    assert not at.exception
    assert any("60 iterations" in e.value for e in at.error)
