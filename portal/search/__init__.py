"""Search in Persian: the folding search backends, the /search/ page and its helpers."""
