// Every namespace of the French messages. A namespace is one JSON file, so
// screens can be translated side by side without touching each other's files.
import common from './common.json';
import errors from './errors.json';
import profile from './profile.json';

const messages = { common, errors, profile };

export default messages;
