"""Weekly home visits ("Medewerker naar buiten").

- The duty: settings.VISITS_PER_WEEK visits per ISO week (Monday to Sunday, Europe/Amsterdam).
  A visit counts when it is logged as "visited" or "nobody home" (the employee went out);
  a cancelled visit does not.
- A visit is planned first, then logged once: the planned → logged update is conditional, so
  a double-submitted log form changes nothing the second time.
- Notes are read by the author, the manager of the author's team and holders of
  visits.view_visit_notes; every other read is recorded (NoteAccess). They are erased after
  settings.VISIT_NOTES_RETENTION_MONTHS; the visit itself stays for the statistics.
- Reminders are porous.Reminder rows made by the sweeps in services/reminders.py (beat
  schedules in migration 0003) and sent by porous' five-minute sweep.
"""
