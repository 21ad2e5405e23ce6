# fragment: owned by its area (see docs/architecture.md)
