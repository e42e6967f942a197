"""Turn every validation failure into one sentence a student can act on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from convcore import ConvError


def sentence(error: dict[str, Any]) -> str:
    """One pydantic error -> 'height must be at most 64' style text."""
    field = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body"))
    ctx, kind, msg = error.get("ctx") or {}, error.get("type", ""), str(error.get("msg", ""))
    if kind == "value_error":  # raised by our own validators: already a full sentence
        return msg.removeprefix("Value error, ")
    if kind in ("less_than_equal", "less_than"):
        return f"{field} must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field} must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind == "extra_forbidden":
        return f"unknown parameter {field!r}"
    if kind in ("int_parsing", "int_from_float"):
        return f"{field} must be a whole number"
    if kind == "string_pattern_mismatch":
        return f"{field} must be a number like 3 or a pair like 3,5"
    if kind == "missing":
        return f"{field} is required"
    return f"{field}: {msg.replace('Input should be', 'should be')}" if field else msg


def readable(errors: Sequence[dict[str, Any]]) -> str:
    return "; ".join(dict.fromkeys(sentence(e) for e in errors))


async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(status_code=422, content={"detail": readable(exc.errors())})


async def conv_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConvError)
    return JSONResponse(status_code=422, content={"detail": str(exc)})
