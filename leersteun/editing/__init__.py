"""Every change to a case: small edits checked before they are saved; the trajectory, the
heropstart, goals, people, the school year; merging and sharing through git.
"""
