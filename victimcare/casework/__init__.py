"""Case work: the case file, its steps and what is built on them."""

from victimcare.casework import repair as _repair  # noqa: F401  (registers the repair run at sign-in)
