"""The SemEval-2015 Task 4 TimeLine layout: reading its corpora, building, writing and scoring entity timelines.

`corpus` reads CAT files (Track A: tokens and creation time only), `timelines` reads and writes the
task's timeline files, `scorer` scores them (temporal awareness), `entities` finds an entity's
namings, `build` makes an entity's timeline from the import's events, `verbs` adds the past-tense
verbs governing the entity, and `baseline` is the task's simple baseline. No Django import here;
the service that imports the articles is intake.services.timeline_evaluation.
"""
