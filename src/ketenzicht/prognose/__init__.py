"""Forecasts: calibration from the registered history, stored forecast runs and their page."""
