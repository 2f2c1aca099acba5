"""The project's settings, with mail written to files so the fault checks can count it."""

import os

from porous.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["FAULTS_MAIL_DIR"]
