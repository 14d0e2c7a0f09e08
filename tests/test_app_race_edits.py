"""AppTest of the Training lab's race under edits: a panel change goes on mid-race and every label follows it, an
open panel stays open, an added racer joins at the current step, a removed one leaves alone."""

from streamlit.testing.v1 import AppTest

from tests.apptests import open_page


def race(at: AppTest):
    return at.session_state["train.race"]


def steps(at: AppTest, count: int) -> AppTest:
    for _ in range(count):
        at.button(key="train.step_once").click().run()
    return at


def panel(at: AppTest, index: int):
    """Racer `index`'s panel: the expander whose id ends with its key (Streamlit puts a user key last)."""
    return next(e for e in at.expander if e.proto.id.endswith(f"-train.panel.{index}"))


def test_an_lr_change_goes_on_mid_race_and_every_label_follows_it():
    """lr 0.1 -> 0.5 in SGD's panel after 3 steps: the race did not restart, the change is recorded for the curve,
    and the panel, the results table, the state picker and the race's names all say lr=0.5; the panel that was open
    is still open."""
    at = steps(open_page("training_lab", {"steps": "50", "racers": "SGD:lr=0.1;Adam:lr=0.01"}), 3)
    at.session_state["train.panel.0"] = True  # the user opened SGD's panel
    at.run()
    assert panel(at, 0).proto.expanded and panel(at, 0).label == "SGD lr=0.1"
    at.number_input(key="train.hyper.0.lr").set_value(0.5).run()
    assert not at.exception
    assert race(at).step_count == 3 and race(at).changes == [(3, 0, "lr 0.1→0.5")]
    assert race(at).racers[0].optimizer.param_groups[0]["lr"] == 0.5
    assert panel(at, 0).label == "SGD lr=0.5" and panel(at, 0).proto.expanded, "the edited panel folded"
    assert not panel(at, 1).proto.expanded
    assert at.dataframe[0].value.iloc[0, 0] == "SGD lr=0.5"
    assert at.selectbox(key="train.inspect_racer").options[0] == "SGD lr=0.5"
    assert race(at).racers[0].name == "SGD lr=0.5"
    assert any("` lr 0.1→0.5 ` from step 4 on" in i.value for i in at.info)


def test_an_added_racer_joins_at_the_current_step():
    """Adam added after 4 steps: the step count is kept, Adam has caught up on the same 4 batches, and the page
    says it joined."""
    at = steps(open_page("training_lab", {"steps": "40", "racers": "SGD:lr=0.1"}), 4)
    at.selectbox(key="train.add").select("Adam").run()
    at.button(key="train.add_button").click().run()
    assert not at.exception
    assert race(at).step_count == 4 and [len(s.losses) for s in race(at).racers] == [4, 4]
    assert any("joined at step 4" in i.value for i in at.info)
    steps(at, 1)
    assert [len(s.losses) for s in race(at).racers] == [5, 5]


def test_a_removed_racer_leaves_alone_and_the_panels_below_keep_their_state():
    """Removing the middle racer after 2 steps: the others keep their losses and the step count; the open panel
    below it moves up open."""
    at = steps(open_page("training_lab", {"steps": "40", "racers": "SGD:lr=0.1;Adam:lr=0.01;RMSprop:lr=0.01"}), 2)
    kept = [race(at).racers[0].losses[:], race(at).racers[2].losses[:]]
    at.session_state["train.panel.2"] = True
    at.run()
    at.button(key="train.hyper.1.remove").click().run()
    assert not at.exception
    assert [s.racer.optimizer for s in race(at).racers] == ["SGD", "RMSprop"] and race(at).step_count == 2
    assert [s.losses for s in race(at).racers] == kept
    assert panel(at, 1).label == "RMSprop lr=0.01" and panel(at, 1).proto.expanded


def test_chinese_messages_for_a_change_and_a_join():
    at = steps(open_page("training_lab", {"steps": "40", "racers": "SGD:lr=0.1"}, lang="zh"), 2)
    at.number_input(key="train.hyper.0.lr").set_value(0.3).run()
    at.selectbox(key="train.add").select("Adam").run()
    at.button(key="train.add_button").click().run()
    assert any("第 2 步加入" in i.value for i in at.info)
    assert race(at).changes == [(2, 0, "lr 0.1→0.3")]
