"""What a case is: the pydantic model, dates as people type them, computed deadlines, and
every rule as a function giving findings.
"""
