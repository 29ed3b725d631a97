"""quotelens: who said what in news articles, and how the same statements are reported
across articles and sides.

>>> import quotelens
>>> a = quotelens.Article('“We do not seek confrontation,” the defense secretary said.')
>>> a.quotes[0].text
'We do not seek confrontation,'
"""

from quotelens import sim
from quotelens._core import (
    ArgumentError,
    Article,
    FormatError,
    Paragraph,
    Quote,
    QuotelensError,
    ResourceError,
    Sentence,
    Speaker,
    __version__,
    extract_quotes,
    normalize,
)
from quotelens.corpus import Corpus

__all__ = [
    "ArgumentError",
    "Article",
    "Corpus",
    "FormatError",
    "Paragraph",
    "Quote",
    "QuotelensError",
    "ResourceError",
    "Sentence",
    "Speaker",
    "__version__",
    "extract_quotes",
    "normalize",
    "sim",
]
