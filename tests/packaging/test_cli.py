"""`convscope serve`: the URLs it prints and the refusals it makes before starting."""

from __future__ import annotations

import ipaddress

import pytest

from app import cli


def test_every_interface_lists_loopback_then_only_real_lan_addresses():
    got = cli.urls("0.0.0.0", 8000)
    assert got[0] == "http://127.0.0.1:8000/"
    for url in got[1:]:
        host = url.removeprefix("http://").removesuffix(":8000/")
        assert not ipaddress.ip_address(host).is_loopback


def test_one_host_is_printed_as_given_and_ipv6_is_bracketed():
    assert cli.urls("127.0.0.1", 8123) == ["http://127.0.0.1:8123/"]
    assert cli.urls("::1", 8000) == ["http://[::1]:8000/"]


def test_lan_addresses_are_ipv4_and_never_loopback():
    for a in cli.lan_addresses():
        assert ipaddress.ip_address(a).version == 4 and not ipaddress.ip_address(a).is_loopback


@pytest.fixture
def no_serving(monkeypatch):
    monkeypatch.setattr(cli.uvicorn, "run", lambda *a, **k: pytest.fail("must not serve"))


def test_zero_workers_is_refused_in_one_line(no_serving, capsys):
    assert cli.main(["serve", "--workers", "0"]) == 2
    assert capsys.readouterr().err.strip() == "convscope: --workers must be at least 1"


@pytest.mark.parametrize("argv", [["serve", "--port", "x"], [], ["serv"]])
def test_malformed_command_lines_exit_with_usage(argv, no_serving):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2


def test_serve_runs_the_installed_package_with_a_short_graceful_shutdown(monkeypatch, capsys):
    seen = {}
    monkeypatch.setattr(cli.uvicorn, "run", lambda target, **kw: seen.update(kw, target=target))
    assert cli.main(["serve", "--port", "8123", "--workers", "2"]) == 0
    assert seen["target"] == "app.main:app" and seen["workers"] == 2 and seen["port"] == 8123
    assert 0 < seen["timeout_graceful_shutdown"] <= 5
    assert "http://127.0.0.1:8123/" in capsys.readouterr().out


def test_a_bad_setting_stops_the_server_with_one_line(no_serving, monkeypatch, capsys):
    cli.get_settings.cache_clear()
    monkeypatch.setenv("CONVSCOPE_MAX_SIZE", "abc")
    try:
        assert cli.main(["serve"]) == 2
    finally:
        cli.get_settings.cache_clear()
    err = capsys.readouterr().err
    assert err == "convscope: CONVSCOPE_MAX_SIZE must be a whole number, got 'abc'\n"
