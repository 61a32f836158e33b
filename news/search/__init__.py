"""/search/: the site search, news first; other apps add their results through a hook."""
