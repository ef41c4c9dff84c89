// Every namespace of the French messages. A namespace is one JSON file, so
// screens can be translated side by side without touching each other's files.
import calendar from './calendar.json';
import common from './common.json';
import errors from './errors.json';
import feed from './feed.json';
import mail from './mail.json';
import profile from './profile.json';
import teams from './teams.json';
import guest from './guest.json';
import share from './share.json';
import admin from './admin.json';

const messages = { admin, calendar, common, errors, feed, mail, profile, teams, guest, share };

export default messages;
