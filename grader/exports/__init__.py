"""Grades in other systems' formats: Gradescope results and autograder, LMS gradebook CSV."""
