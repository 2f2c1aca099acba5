"""The AVG (GDPR) rights: a person's data as a download, erasing an account, the privacy page."""
