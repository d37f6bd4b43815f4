"""Synthetic demo data: organisations, staff and a few years of measures, calibrated to the
published national figures (DOMAIN.md). Only synthetic people; BSNs from the test block."""
