"""Sending each person on a shoot day their call sheet by mail, through the producer's own account.

`recipients` says who is on the day, in which language they read, what their call is and whether what
they were last sent is still true; `messages` writes each one's mail (their call in the subject, the call
sheet attached — the cast version for cast — and sides for cast); `mail_server` connects to the
producer's SMTP server, sends and logs each message (`SentCallSheet`).
"""
