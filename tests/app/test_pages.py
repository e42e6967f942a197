"""Pages and /docs are served by the app alone: nothing is fetched from outside."""

from __future__ import annotations

import re

import pytest

EXTERNAL = re.compile(r"""(?:src|href)=["']?(?:https?:)?//""")


@pytest.mark.parametrize("path", ["/", "/lab", "/docs", "/learn"])
def test_pages_load_nothing_from_another_host(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert not EXTERNAL.search(r.text), EXTERNAL.search(r.text)


def test_docs_uses_the_vendored_swagger_ui_without_the_online_validator(client):
    html = client.get("/docs").text
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        url = re.search(rf"""["']([^"']*{re.escape(asset)})["']""", html).group(1)
        assert url.startswith("/static/") and client.get(url).status_code == 200
    init = re.search(r'<script src="(/static/js/docs-init\.js)"', html).group(1)
    assert "validatorUrl: null" in client.get(init).text  # no call to the online validator
    assert "<script>" not in html  # the CSP allows no inline script
    assert client.get("/redoc").status_code == 404


def test_pages_embed_the_servers_limits(client):
    html = client.get("/").text
    assert '"max_size": 64' in html or '"max_size":64' in html
