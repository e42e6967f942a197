"""GET /network: served by the app alone, starting from the API's own defaults and bounds."""

from __future__ import annotations

import json
import re

EXTERNAL = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""")
STATE = re.compile(r'<script type="application/json" id="initial-state">(.*?)</script>', re.S)


def test_network_page_loads_nothing_from_another_host(client):
    r = client.get("/network")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert not EXTERNAL.search(r.text), EXTERNAL.search(r.text)


def test_the_train_form_starts_from_the_apis_defaults_and_bounds(client):
    from app.network.params import TrainParams

    state = json.loads(STATE.search(client.get("/network").text).group(1))
    train = state["train"]
    assert train["defaults"] == TrainParams().model_dump()
    for name, (low, high) in train["bounds"].items():
        for value, code in ((high * 2 + 1, "too_large"), (low - 1, "too_small")):
            r = client.get("/api/network/train", params={name: value})  # refused before any work
            assert r.status_code == 422 and r.json()["code"] == code, (name, value)
            limit = high if code == "too_large" else low
            assert r.json()["args"] == {"field": name, "limit": limit}
    assert state["test_last"] == 596


def test_every_page_links_to_the_network(client):
    for path in ("/", "/lab", "/receptive", "/network"):
        assert 'href="/network" data-i18n="nav.network"' in client.get(path).text
