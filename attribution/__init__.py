"""Quote and claim attribution for news text: who said it, and where."""

__version__ = "0.1.0"

from .pipeline import Attributor, attribute

__all__ = ["Attributor", "__version__", "attribute"]
