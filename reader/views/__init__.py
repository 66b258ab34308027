"""Thin function views, one per URL, grouped by what they act on."""
