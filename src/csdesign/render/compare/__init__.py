"""Every structure compared, the recommendation, and the compare --out-dir index (formats.py)."""
