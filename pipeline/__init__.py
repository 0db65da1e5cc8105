"""Prefect flows and tasks, runners, schedules and the `policy` CLI."""
