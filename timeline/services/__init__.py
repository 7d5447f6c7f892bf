"""Writes: every change to the timeline goes through a function here."""
