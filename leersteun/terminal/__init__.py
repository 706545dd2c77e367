"""Dialogues on the terminal: numbered choices, dates, the checklist and goal questions."""
