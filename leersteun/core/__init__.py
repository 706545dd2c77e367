"""Plain building blocks without dependencies: the one exception family, the listed values of
the format, text and dates for people, the Dutch catalogue for typer.
"""
