// Every namespace of the French messages. A namespace is one JSON file, so
// screens can be translated side by side without touching each other's files.
import absences from './absences.json';
import admin from './admin.json';
import audit from './audit.json';
import auth from './auth.json';
import calendar from './calendar.json';
import common from './common.json';
import errors from './errors.json';
import feed from './feed.json';
import myCalendar from './myCalendar.json';
import mail from './mail.json';
import profile from './profile.json';
import resources from './resources.json';
import shell from './shell.json';
import teams from './teams.json';
import guest from './guest.json';
import share from './share.json';

const messages = {
  admin,
  calendar,
  absences,
  audit,
  auth,
  common,
  errors,
  feed,
  myCalendar,
  mail,
  profile,
  resources,
  shell,
  teams,
  guest,
  share,
};

export default messages;
