"""The UI language: the one asked for with --lang, else the one chosen in the app, else the system's; and
what follows from it on screen (names in Chinese where they are stored, money, dates, temperatures)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from studio import i18n as studio_i18n
from studio.formatting import format_day, format_money, format_number
from studio.money import Money
from studio.resources import RESOURCES_DIR

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SUPPORTED = ("en", "zh_CN")
TRANSLATOR_NAME = "cliffhangerTranslator"


def choose_language(requested: str | None) -> str:
    if requested in SUPPORTED:
        return requested
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QApplication, requested: str | None) -> str:
    """Load the app's and Qt's own catalogues for the chosen language (in place of those installed before);
    return that language."""
    language = choose_language(requested)
    QLocale.setDefault(QLocale(language))
    studio_i18n.set_language(language)
    for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)
    # The English catalogue holds only plural forms ("1 scene", "2 scenes").
    catalogues = [(TRANSLATIONS_DIR, f"cliffhanger_{language}")]
    if language != "en":
        catalogues.append((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"))
    for folder, name in catalogues:
        translator = QTranslator(app)
        translator.setObjectName(TRANSLATOR_NAME)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
    return language


def current_language() -> str:
    return "zh_CN" if chinese() else "en"


def chinese() -> bool:
    """Whether the interface is in Chinese (names then show in Chinese wherever one is stored)."""
    return QLocale().language() == QLocale.Language.Chinese


def shown_name(name: str, name_zh: str) -> str:
    """A name as the interface shows it: the Chinese one in Chinese, where there is one."""
    return (name_zh or name) if chinese() else name


def babel_locale() -> str:
    """The locale money and dates are formatted in, following the UI language."""
    return "zh_CN" if chinese() else "en_US"


def sentences(*parts: str) -> str:
    """Sentences in a row: a space between two, but after a Chinese full stop, which carries its own."""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text.endswith(("。", "！", "？", "）")) else " " + part
    return text


def money_text(money: Money | None) -> str:
    return format_money(money, babel_locale())


def number_text(number) -> str:
    return format_number(number, babel_locale())


def day_text(day) -> str:
    return format_day(day, babel_locale())


def temperature_unit(settings) -> str:
    """ "C" or "F" on screen: as chosen in the app, else °C in Chinese and °F in (US) English."""
    return settings.temperature_unit() or ("C" if chinese() else "F")
