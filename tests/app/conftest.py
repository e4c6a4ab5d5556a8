"""AppTest fixtures: see tests/app/test_pages.py for the app under test."""
