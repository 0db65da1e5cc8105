"""Records to tables, the embedded store, exports and the cross-region comparison."""
