"""The long-video replay: frame sampling, clip labels, and a run end to end on a short rendered video."""
import json

from respike_recipe import long_replay, render


def test_sampled_frames_take_the_first_frame_at_or_after_each_tick():
    idx = long_replay.sampled_frames(1500, 25.0, 8.0)
    assert len(idx) == 480 and list(idx[:4]) == [0, 4, 7, 10] and idx[-1] == 1497
    assert list(long_replay.sampled_frames(16, 8.0, 8.0)) == list(range(16))


def test_majority_label_and_its_cover():
    timeline = [{"label": "walk", "start_s": 0.0, "end_s": 1.5}, {"label": "idle", "start_s": 1.5, "end_s": 4.0}]
    assert long_replay.majority(timeline, 0.0, 2.0) == ("walk", 0.75)
    assert long_replay.majority(timeline, 2.0, 4.0) == ("idle", 1.0)


def test_replays_a_run_on_a_rendered_long_video(tmp_path, tiny_train, capsys):
    tiny_train(tmp_path / "run", "--epochs", "1", "--batch-size", "4")
    render.main(["--out", str(tmp_path), "--long", "--duration-s", "12", "--seed", "3", "--width", "96",
                 "--height", "72", "--fps", "25"])
    out = tmp_path / "replay.json"
    long_replay.main(["--runs", str(tmp_path / "run"), "--video", str(tmp_path / "long_3.mp4"), "--out", str(out)])
    result = json.loads(out.read_text())[0]
    assert result["clips"] == (12 * 8 - 16) // 4 + 1 == len(result["per_clip"])
    whole = [c for c in result["per_clip"] if c["whole_action"]]
    assert result["whole_action"][1] == len(whole) == result["whole_action_near_chair"][1] + \
        result["whole_action_far_from_chair"][1]
    assert all(c["chair_distance"] >= 0 and c["predicted"] in render.CLASSES for c in result["per_clip"])
    assert "clip accuracy" in capsys.readouterr().out
