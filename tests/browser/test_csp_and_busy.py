"""Every page runs under the Content-Security-Policy with no violation, and rides out a 503."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

PAGES = ["/", "/lab", "/receptive", "/docs"]
RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.mark.parametrize("path", PAGES)
def test_no_page_violates_the_content_security_policy(page: Page, watch, path):
    page.add_init_script(RECORD)
    response = page.goto(path)
    assert (
        response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    )
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    assert not [e for e in watch.errors if "Content Security Policy" in e], watch.errors


def test_a_busy_server_is_retried_and_the_page_says_so(page: Page):
    """The first plan request gets 503 + Retry-After: 1; the page waits, says so, then draws."""
    answered = []

    def busy_once(route):
        if not answered:
            answered.append(route.request.url)
            route.fulfill(
                status=503,
                headers={"Retry-After": "1", "Content-Type": "application/json"},
                body='{"detail": "busy", "code": "server_busy", "args": {"retry_after": 1}}',
            )
        else:
            route.continue_()

    page.route("**/api/conv/plan*", busy_once)
    page.goto("/")
    notice = page.locator(".busy-notice")
    expect(notice).to_be_visible(timeout=5_000)
    expect(notice).to_contain_text("1 s")
    expect(notice).to_be_hidden(timeout=10_000)
    expect(page.locator(".arith-total")).not_to_be_empty(timeout=15_000)
    assert len(answered) == 1
