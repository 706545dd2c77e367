"""What leersteun makes from the cases: the overview and its formats, charts, goal sheets,
the mail, the agenda file, rich views.
"""
