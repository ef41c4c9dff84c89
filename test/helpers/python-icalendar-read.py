"""Reads an iCalendar text on stdin with python's icalendar package (Debian's python3-icalendar,
the parser of many Python calendar tools) and prints each event's UID and its start and end as
UTC instants, in JSON."""
import datetime
import json
import sys

from icalendar import Calendar

calendar = Calendar.from_ical(sys.stdin.read())


def instant(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return None  # floating time: not an instant
        return value.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")
    return value.isoformat()  # an all-day date


events = [
    {
        "uid": str(event.get("uid")),
        "start": instant(event.decoded("dtstart")),
        "end": instant(event.decoded("dtend")) if event.get("dtend") else None,
    }
    for event in calendar.walk("vevent")
]
print(json.dumps(events))
