"""The seed's concepts as lessons (issue 12): each figure computed by the engine."""
