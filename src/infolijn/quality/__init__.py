"""Quality: listening evaluations, calibration, mystery calls, daily KPIs and partner reports."""
