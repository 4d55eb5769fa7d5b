"""The --lang of a command that writes a document: the document's language, apart from the interface's."""

from __future__ import annotations

import argparse

DOCUMENT_LANGUAGES = ("en", "zh", "en+zh")


def document_language(parser: argparse.ArgumentParser, default: str, said: str) -> None:
    """A document's --lang: en, zh or en+zh (zh_CN, as the interface's --lang says it, is zh). Its dest is
    the document's language, not the interface's (main.py sets the interface from args.lang)."""
    parser.add_argument(
        "--lang",
        dest="document_lang",
        type=lambda text: "zh" if text.replace("-", "_").casefold() == "zh_cn" else text,
        choices=DOCUMENT_LANGUAGES,
        default=default,
        help=said,
    )
