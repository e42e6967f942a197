"""`convscope serve`: start the server and print the address(es) a class should open."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from collections.abc import Sequence

import uvicorn

from .settings import get_settings

_PACKAGE = __package__ or "app"  # "convscope" when installed from the wheel, "app" in the repo


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, for a teacher to write on the board.

    Only local look-ups (the host name and, on Linux, each interface): nothing is sent anywhere.
    """
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    found |= _interface_addresses()
    return sorted(
        (a for a in found if not ipaddress.ip_address(a).is_loopback),
        key=lambda a: ipaddress.ip_address(a),
    )


def _interface_addresses() -> set[str]:
    """IPv4 address of every network interface (Linux SIOCGIFADDR); empty elsewhere."""
    try:
        import fcntl
        import struct
    except ImportError:  # not on this platform
        return set()
    found = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for _, name in socket.if_nameindex():
            try:
                packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name[:15].encode()))
            except OSError:  # an interface without an IPv4 address
                continue
            found.add(socket.inet_ntoa(packed[20:24]))
    return found


def urls(host: str, port: int) -> list[str]:
    """The URLs to open: the LAN addresses when serving on every interface, else the host."""
    if host in ("0.0.0.0", "::", ""):
        hosts = ["127.0.0.1", *lan_addresses()]
    else:
        hosts = [f"[{host}]" if ":" in host else host]
    return [f"http://{h}:{port}/" for h in hosts]


def _parser() -> argparse.ArgumentParser:
    settings = get_settings()
    parser = argparse.ArgumentParser(
        prog="convscope", description="See how a convolution layer works."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the app and print the URL to open")
    serve.add_argument("--host", default=settings.host, help="interface (0.0.0.0: the whole LAN)")
    serve.add_argument("--port", type=int, default=settings.port)
    serve.add_argument("--workers", type=int, default=1, help="processes (the server is stateless)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except ValueError as exc:  # an invalid CONVSCOPE_* variable: one line, not a traceback
        print(f"convscope: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    if args.workers < 1:
        print("convscope: --workers must be at least 1", file=sys.stderr)  # noqa: T201
        return 2
    print("ConvScope is serving; open:", *urls(args.host, args.port), sep="\n  ")  # noqa: T201
    print("Ctrl+C stops it.", flush=True)  # noqa: T201
    uvicorn.run(
        f"{_PACKAGE}.main:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_graceful_shutdown=3,  # SSE clients must not hold a shutdown open
        # A student's page reuses its connection between clicks; uvicorn's 5 s default closes
        # it so often that a request races the close (a ReadError in bench_classroom).
        timeout_keep_alive=30,
        http=f"{_PACKAGE}.serving:GuardedProtocol",
        log_level="warning",
    )
    return 0
