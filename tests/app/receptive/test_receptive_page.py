"""GET /receptive: the receptive-field page, served by the app alone."""

from __future__ import annotations

import json
import re

from app.receptive.params import StackParams

EXTERNAL = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""")
STATE = re.compile(r'<script type="application/json" id="initial-state">(.*?)</script>', re.S)


def test_receptive_page_loads_nothing_from_another_host(client):
    r = client.get("/receptive")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert not EXTERNAL.search(r.text), EXTERNAL.search(r.text)
    assert "https://" not in r.text and "http://" not in r.text


def test_receptive_page_starts_from_the_apis_defaults(client):
    state = json.loads(STATE.search(client.get("/receptive").text).group(1))
    assert state["defaults"] == {
        "layers": StackParams().layers,
        "size": StackParams().size,
        "seeds": 4,
    }
    bounds = state["bounds"]
    assert bounds["k"] == [1, 11] and bounds["layers"] == 8
    r = client.get("/api/receptive-field", params={"size": bounds["size"][0]})
    assert r.status_code == 200  # the default stack fits the smallest input the page offers


def test_every_page_links_to_the_receptive_field(client):
    for path in ("/", "/lab", "/receptive"):
        assert 'href="/receptive" data-i18n="nav.receptive"' in client.get(path).text
