"""The case folder: finding it and its cases, the one fast read path, `valideer`, git."""
