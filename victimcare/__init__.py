"""VictimCare: offline, encrypted casework for rescued victims of human trafficking."""

__version__ = "0.1.0"
