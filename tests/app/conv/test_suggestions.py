"""Every value an error suggests (`args.choices`) is accepted when the student tries it."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# (URL, the query field the suggestions are for)
CASES = [
    ("/api/conv/plan?in_channels=4&out_channels=5&groups=2", "groups"),
    ("/api/conv/plan?in_channels=4&out_channels=6&groups=4", "groups"),
    ("/api/conv-transpose/plan?in_channels=6&out_channels=4&groups=4", "groups"),
    ("/api/conv-transpose/plan?stride=2&output_padding=3", "output_padding"),
]


def tried(url: str, field: str, value: object) -> str:
    path, _, query = url.partition("?")
    params = dict(parse_qsl(query)) | {field: str(value)}
    return f"{path}?{urlencode(params)}"


@pytest.mark.parametrize("url, field", CASES)
def test_each_suggested_value_is_accepted(client, url: str, field: str) -> None:
    body = client.get(url).json()
    assert body["args"]["choices"], body
    for choice in body["args"]["choices"]:
        r = client.get(tried(url, field, choice))
        assert r.status_code == 200, (choice, r.text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(c_in=st.integers(1, 8), c_out=st.integers(1, 8), groups=st.integers(1, 8))
def test_groups_suggestions_always_work(client, c_in: int, c_out: int, groups: int) -> None:
    url = f"/api/conv/plan?in_channels={c_in}&out_channels={c_out}&groups={groups}"
    r = client.get(url)
    if r.status_code == 200:
        return
    body = r.json()
    assert body["code"] == "groups_not_divisor", body
    for choice in body["args"]["choices"]:
        assert client.get(tried(url, "groups", choice)).status_code == 200
