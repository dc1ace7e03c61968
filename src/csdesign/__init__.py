"""csdesign: model customer-success org structures from YAML, chart and check them."""

__version__ = "0.1.0"
