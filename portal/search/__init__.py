"""Search in Persian: the folding search backends and the highlighting every results page uses."""
