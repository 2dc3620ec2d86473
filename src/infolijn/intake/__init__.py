"""Intake: a partner's request carried through to published scripts, planning and trained agents."""
