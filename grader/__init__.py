"""grader: automated grading and reports for a graduate deep-learning course."""
