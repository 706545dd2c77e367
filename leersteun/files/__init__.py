"""A YAML file as the user wrote it: read with positions, write back only what changed."""
