"""The UI language: the system's, or the one asked for with --lang."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from studio import i18n as studio_i18n
from studio.formatting import format_day, format_money, format_number
from studio.money import Money
from studio.resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SUPPORTED = ("en", "zh_CN")


def choose_language(requested: str | None) -> str:
    if requested in SUPPORTED:
        return requested
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, requested: str | None) -> str:
    """Load the app's and Qt's own catalogues for the chosen language; return that language."""
    language = choose_language(requested)
    QLocale.setDefault(QLocale(language))
    studio_i18n.set_language(language)
    # The English catalogue holds only plural forms ("1 scene", "2 scenes").
    catalogues = [(TRANSLATIONS_DIR, f"cliffhanger_{language}")]
    if language != "en":
        catalogues.append((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"))
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
    return language


def babel_locale() -> str:
    """The locale money and dates are formatted in, following the UI language."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en_US"


def money_text(money: Money | None) -> str:
    return format_money(money, babel_locale())


def number_text(number) -> str:
    return format_number(number, babel_locale())


def day_text(day) -> str:
    return format_day(day, babel_locale())
