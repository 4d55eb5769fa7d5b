"""Script import: reading files of every format into one outline of episodes and scenes."""

# The formats import-script accepts: here, so the command line's parser has them without the readers.
FORMATS = ("auto", "fountain", "fdx", "zh", "docx")
