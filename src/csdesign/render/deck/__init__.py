"""Client decks: slide pages of the org chart (layout.py), client text (client.py) and the
PowerPoint writer (pptx_deck.py)."""
