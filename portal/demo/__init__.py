"""The demo's one home: ``manage.py load_demo`` calls each app's own demo module."""
