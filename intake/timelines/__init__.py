"""The SemEval-2015 Task 4 TimeLine layout: reading its corpora, writing and scoring entity timelines.

Plain Python (no Django import): `corpus` reads CAT files, `timelines` reads and writes the task's
timeline files, `scorer` scores them, `baseline` is the task's simple baseline. The service that
imports the articles and builds the system's timelines is intake.services.timeline_evaluation.
"""
