"""HTML to PDF with WeasyPrint, offline: remote URLs are refused, fonts and CSS parsed once.

The print stylesheet (``templates/print.css``: page size, margins, running header, page
numbers) and the font configuration are built once per templates folder and reused for
every document of a batch.
"""

from __future__ import annotations

import io
import logging
import warnings
from ctypes.util import find_library
from functools import lru_cache
from pathlib import Path

# Without Debian's libharfbuzz-subset0 (`make` installs it where it can) WeasyPrint warns at
# import that future versions will need it; today it only subsets fonts more slowly. The
# advice is said once in the log, not printed on every run.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

from grader.output import write_atomic  # noqa: E402 - after the guarded weasyprint import

from .env import template_file  # noqa: E402

HARFBUZZ_SUBSET_MISSING = find_library("harfbuzz-subset") is None

log = logging.getLogger(__name__)

LOCAL_SCHEMES = ("file", "data")
PRINT_CSS = "print.css"


class OncePerProcess(logging.Filter):
    """Lets each distinct message through once. WeasyPrint repeats the same advice (install
    HarfBuzz-Subset) for every font of every PDF: hundreds of identical lines in a class run."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """True the first time a message is seen."""
        message = record.getMessage()
        if message in self._seen:
            return False
        self._seen.add(message)
        return True


logging.getLogger("weasyprint").addFilter(OncePerProcess())


class LocalOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves ``file:`` and ``data:`` URLs and refuses the rest."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Fetch a local URL; raise :class:`URLFetchingError` for anything remote."""
        scheme = url.split(":", 1)[0].lower()
        if scheme not in LOCAL_SCHEMES:
            log.warning("refused to fetch %s while rendering a PDF (no network)", url)
            raise URLFetchingError(f"remote URL refused: {url}")
        return super().fetch(url, headers)


@lru_cache(maxsize=8)
def _resources(templates_dir: Path | None) -> tuple[FontConfiguration, CSS, LocalOnlyFetcher]:
    if HARFBUZZ_SUBSET_MISSING:
        log.info(
            "libharfbuzz-subset0 is not installed: report PDFs are rendered, fonts are "
            "subset more slowly (apt-get install libharfbuzz-subset0)"
        )
    fonts = FontConfiguration()
    fetcher = LocalOnlyFetcher()
    css = CSS(
        filename=str(template_file(PRINT_CSS, templates_dir)),
        font_config=fonts,
        url_fetcher=fetcher,
    )
    return fonts, css, fetcher


def html_to_pdf(html: str, base_dir: Path, templates_dir: Path | None = None) -> bytes:
    """Render an HTML document (relative links resolved from ``base_dir``) to PDF bytes."""
    fonts, css, fetcher = _resources(templates_dir)
    document = HTML(string=html, base_url=str(base_dir.resolve()) + "/", url_fetcher=fetcher)
    buffer = io.BytesIO()
    document.write_pdf(buffer, stylesheets=[css], font_config=fonts)
    return buffer.getvalue()


def write_pdf(html: str, path: Path, templates_dir: Path | None = None) -> Path:
    """Render ``html`` to the PDF file ``path`` (atomically); return the path."""
    write_atomic(path, html_to_pdf(html, path.parent, templates_dir))
    return path
