"""Planning: forecasting, staffing, scheduling, training days and forecast accuracy."""
