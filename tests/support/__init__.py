"""Test support code shared by tests and benchmarks (loopback servers)."""
