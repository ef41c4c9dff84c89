"""Reads an iCalendar text on stdin with libical (Evolution's parser, through GObject
introspection) and prints, as JSON, whether its iTIP restriction check passes, every X-LIC-ERROR
that parsing or the check left in the tree, and each event's start and end as it reads them
(seconds since the epoch, its TZIDs resolved from the calendar's VTIMEZONEs)."""
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

component = ICalGLib.Component.new_from_string(sys.stdin.read())
if component is None:
    print(json.dumps({"parsed": False, "restrictionsMet": False, "errors": [], "events": []}))
    sys.exit(0)


def epoch(time):
    return time.as_timet_with_zone(time.get_timezone())


events = []
event = component.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
while event is not None:
    events.append(
        {"uid": event.get_uid(), "start": epoch(event.get_dtstart()), "end": epoch(event.get_dtend())}
    )
    event = component.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
# The check adds its findings to the tree, so the instants are read before it.
restrictions_met = bool(ICalGLib.restriction_check(component))
errors = []


def collect(node):
    error = node.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while error is not None:
        errors.append(error.as_ical_string().replace("\r\n ", "").strip())
        error = node.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = node.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        collect(child)
        child = node.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)


collect(component)
print(
    json.dumps(
        {"parsed": True, "restrictionsMet": restrictions_met, "errors": errors, "events": events}
    )
)
