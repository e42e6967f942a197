"""SecurityHeaders: every response carries CSP, nosniff and no-referrer; HEAD works like GET."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient

from app.security import SecurityHeaders, content_security_policy


def _client(**kw) -> TestClient:
    app = FastAPI()
    app.add_middleware(SecurityHeaders, **kw)

    @app.get("/page", response_class=PlainTextResponse)
    def page() -> str:
        return "hello"

    return TestClient(app)


def test_every_response_even_an_error_carries_the_three_headers():
    client = _client()
    for response in (client.get("/page"), client.get("/nowhere"), client.post("/page")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-eval" not in csp and "frame-ancestors 'self'" in csp


def test_frame_ancestors_is_configurable_for_course_sites():
    csp = _client(frame_ancestors="'self' https://course.example").get("/page").headers
    assert "frame-ancestors 'self' https://course.example" in csp["content-security-policy"]


def test_head_answers_200_with_get_headers_and_no_body():
    client = _client()
    head, get = client.head("/page"), client.get("/page")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"] == "5"


def test_scripts_may_come_only_from_the_app_itself():
    directives = dict(d.split(" ", 1) for d in content_security_policy().split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
