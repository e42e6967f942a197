"""Every 4xx body is {"detail": sentence, "code": stable id, "args": {numbers and names}}.

`detail` is one English sentence a student can act on; the front end translates by `code`
(its catalog has one entry per code) and fills the sentence from `args`. Each code below is
written as a literal `code="..."`: a test greps the source for them to check the catalogs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from convcore import ConvError

from .capacity import Busy
from .settings import get_settings

BODY_SLACK = 64 * 1024  # room for the form fields next to the largest image


class ApiError(ConvError):
    """A refusal with its own HTTP status (413 too large, 415 not an image, 422 otherwise)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, code=code, params=params)
        self.status = status


def body(detail: str, code: str, args: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return {"detail": detail, "code": code, "args": dict(args or {})}


def _field(error: Mapping[str, Any]) -> str:
    return ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body"))


def _limit(ctx: Mapping[str, Any], inclusive: str, exclusive: str, step: int) -> Any:
    """The inclusive bound: `lt 5` on an integer field means `at most 4`."""
    if inclusive in ctx:
        return ctx[inclusive]
    bound = ctx.get(exclusive)
    return bound + step if isinstance(bound, int) else bound


def translate(error: Mapping[str, Any]) -> ConvError:
    """One pydantic error -> a ConvError with a sentence, a code and its args.

    One fixed mapping from pydantic's error types to our codes; a ConvError raised inside a
    validator (pydantic wraps it as `value_error`) keeps its own code and params.
    """
    field, kind = _field(error), str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, ConvError):
        return cause
    if kind in ("less_than_equal", "less_than"):
        limit = _limit(ctx, "le", "lt", -1)
        return ConvError(
            f"{field} must be at most {limit}",
            code="too_large",
            params={"field": field, "limit": limit},
        )
    if kind in ("greater_than_equal", "greater_than"):
        limit = _limit(ctx, "ge", "gt", 1)
        return ConvError(
            f"{field} must be at least {limit}",
            code="too_small",
            params={"field": field, "limit": limit},
        )
    if kind == "extra_forbidden":
        return ConvError(
            f"unknown parameter {field!r}", code="unknown_parameter", params={"field": field}
        )
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return ConvError(
            f"{field} must be a whole number", code="not_integer", params={"field": field}
        )
    if kind in ("float_parsing", "float_type", "finite_number"):
        return ConvError(
            f"{field} must be a finite number", code="not_number", params={"field": field}
        )
    if kind in ("bool_parsing", "bool_type"):
        return ConvError(
            f"{field} must be true or false", code="not_boolean", params={"field": field}
        )
    if kind == "string_pattern_mismatch":
        return ConvError(
            f"{field} must be a number like 3 or a pair like 3,5",
            code="bad_pair",
            params={"field": field},
        )
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length")
        return ConvError(
            f"{field} may hold at most {limit} characters or items",
            code="too_long",
            params={"field": field, "limit": limit},
        )
    if kind == "missing":
        return ConvError(f"{field} is required", code="missing", params={"field": field})
    if kind in ("literal_error", "enum"):
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return ConvError(
            f"{field} must be one of {choices}",
            code="not_a_choice",
            params={"field": field, "choices": choices},
        )
    text = str(error.get("msg", "")).removeprefix("Value error, ")
    return ConvError(
        f"{field}: {text}" if field else text, code="invalid_value", params={"field": field}
    )


async def invalid_request(_: Request, exc: Exception) -> JSONResponse:
    """422 for a request pydantic refused: the first error's sentence, code and args."""
    assert isinstance(exc, RequestValidationError)
    errors = [translate(e) for e in exc.errors()] or [
        ConvError("the request is invalid", code="invalid_value", params={"field": ""})
    ]
    first = errors[0]
    return JSONResponse(status_code=422, content=body(str(first), first.code, first.params))


async def conv_error(_: Request, exc: Exception) -> JSONResponse:
    """422 for an impossible configuration (or the ApiError's own status)."""
    assert isinstance(exc, ConvError)
    status = exc.status if isinstance(exc, ApiError) else 422
    return JSONResponse(status_code=status, content=body(str(exc), exc.code, exc.params))


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own 4xx (unknown path, wrong method, body too large, bad multipart)."""
    assert isinstance(exc, HTTPException)
    error = http_conv_error(request, exc.status_code, str(exc.detail))
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:  # Starlette names only the first route's methods
        headers["Allow"] = ", ".join(_methods(request, headers.get("Allow", "")))
    return JSONResponse(
        status_code=exc.status_code,
        content=body(str(error), error.code, error.params),
        headers=headers or None,
    )


def _methods(request: Request, allowed: str) -> list[str]:
    """Every method the API documents at this path (a GET and its POST twin), or
    Starlette's own list for a path outside the schema (pages)."""
    documented = request.app.openapi()["paths"].get(request.url.path, {})
    methods = {m.upper() for m in documented} or {m.strip() for m in allowed.split(",")}
    return sorted(m for m in methods if m)


def body_too_large() -> ConvError:
    limit = round(get_settings().max_upload_bytes / (1024 * 1024), 1)
    return ConvError(
        f"the request is larger than the upload limit of {limit} MB; send a smaller image",
        code="body_too_large",
        params={"limit_mb": limit},
    )


def http_conv_error(request: Request, status: int, detail: str) -> ConvError:
    path, method = request.url.path, request.method
    if status == 404:
        return ConvError(
            f"there is no page or API at {path}", code="not_found", params={"path": path}
        )
    if status == 405:
        return ConvError(
            f"{path} does not accept {method} requests",
            code="method_not_allowed",
            params={"path": path, "method": method},
        )
    if status == 413:
        return body_too_large()
    if status == 400 and "json" in request.headers.get("content-type", ""):
        return ConvError(
            "the request body is not valid JSON; send one JSON object with the query's fields",
            code="malformed_json",
        )
    if status == 400:
        return ConvError(
            f"the request body is malformed ({detail}); send a multipart form with one file",
            code="malformed_body",
            params={"reason": detail},
        )
    return ConvError(f"{detail} (HTTP {status})", code="http_error", params={"status": status})


class ErrorOut(BaseModel):
    """Every 4xx: a message a student can act on, a stable code and the sentence's values."""

    detail: str = Field(description="one English sentence a student can act on")
    code: str = Field(description="stable snake_case identifier the front end translates")
    args: dict[str, Any] = Field(description="the numbers and names the sentence uses")


ERROR_JSON: dict[str, Any] = {
    "content": {"application/json": {"schema": ErrorOut.model_json_schema()}}
}
BUSY: dict[str, Any] = {
    "description": "Every heavy slot stayed busy: retry after the Retry-After seconds",
    **ERROR_JSON,
}


async def busy(_: Request, exc: Exception) -> JSONResponse:
    """503 with Retry-After when a classroom keeps every heavy slot busy (the pages retry)."""
    assert isinstance(exc, Busy)
    error = ConvError(
        f"the server is busy with other students' work; try again in {exc.retry_after} s",
        code="server_busy",
        params={"retry_after": exc.retry_after},
    )
    return JSONResponse(
        status_code=503,
        content=body(str(error), error.code, error.params),
        headers={"Retry-After": str(exc.retry_after)},
    )
