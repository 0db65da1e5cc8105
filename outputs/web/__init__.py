"""The read-only web UI (`policy serve`)."""
