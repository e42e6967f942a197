"""The lessons' endpoints under random queries: documented answers only, never a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.main import app

SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", app)


@SCHEMA.include(path_regex="^/api/concepts").parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_lesson_api_never_fails_and_matches_its_schema(case) -> None:
    """Bounds in the schema cannot say that a kernel must fit its input: such a query is a
    documented 422, so positive-data acceptance does not apply."""
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
