import { daySpan, plural, readable } from './audit-phrases';

// The words audit sentences use for stored names and values: sign-in methods and refusals,
// privacy levels, and the settings whose changes are listed before → after.

export const METHODS: Record<string, string> = {
  password: 'a password',
  oidc: 'OpenID Connect',
};

export const SIGN_IN_REFUSALS: Record<string, string> = {
  unknown_email: 'no account has this email address',
  wrong_password: 'wrong password',
  disabled: 'the account is disabled',
  password_sign_in_off: 'password sign-in is for admins only',
  email_unverified: 'the provider did not confirm the email address',
  bound_to_another_account: 'the account is linked to another identity at the provider',
  not_provisioned: 'nobody has this email address, and accounts are not created at sign-in',
  invalid_id_token: 'the provider’s answer did not verify',
};

export const PRIVACY: Record<string, string> = {
  full: 'full details',
  standard: 'standard privacy',
  busy: 'busy blocks only',
};

const yesNo = (value: unknown) => (value ? 'yes' : 'no');
const allowed = (value: unknown) => (value ? 'allowed' : 'not allowed');
const days = (value: unknown) =>
  typeof value === 'number' ? plural(value, 'day') : readable(value);

export const POLICY_WORDS = {
  maxTokenLifetimeDays: { label: 'Maximum link lifetime', value: days },
  personalLinkLifetimeDays: { label: 'Personal subscription lifetime', value: days },
  publicLinksAllowed: { label: 'Public links', value: allowed },
  neverExpiringLinksAllowed: { label: 'Links that never expire', value: allowed },
  guestSharesAllowed: { label: 'Guest shares', value: allowed },
  oidcProvisioningAllowed: {
    label: 'Accounts created at a first OpenID Connect sign-in',
    value: allowed,
  },
  passwordSignInAllowed: { label: 'Password sign-in for members', value: allowed },
};

export const TYPE_WORDS = {
  key: { label: 'Key' },
  label: { label: 'Name' },
  color: { label: 'Colour' },
  isPrivate: { label: 'Private (health data)', value: yesNo },
  requiresApproval: { label: 'Needs approval', value: yesNo },
  countsAgainstAllowance: { label: 'Counts against the allowance', value: yesNo },
  overAllowance: {
    label: 'Beyond the days left',
    value: (rule: unknown) => (rule === 'warn' ? 'accepted with a warning' : 'refused'),
  },
  sortOrder: { label: 'Position' },
  active: { label: 'Can be requested', value: yesNo },
};

export const TEAM_WORDS = {
  name: { label: 'Name' },
  timeZone: { label: 'Time zone' },
  holidayCountry: {
    label: 'Public holidays of',
    value: (v: unknown) => (v ? readable(v) : 'none'),
  },
  holidayRegion: {
    label: 'Region',
    value: (v: unknown) => (v ? readable(v) : 'the whole country'),
  },
};

export const ALLOWANCE_WORDS = {
  days: { label: 'Days a year', value: days },
  carryOverMax: { label: 'Days that may carry over', value: days },
  carryOverExpiresOn: {
    label: 'Carried days lapse on',
    value: (v: unknown) => (typeof v === 'string' ? (daySpan({ startDate: v }) ?? v) : 'never'),
  },
};

export const FILTER_WORDS: Record<string, string> = {
  calendar: 'Calendar kind',
  who: 'Owner or guest contains',
  kind: 'Kind',
  status: 'Status',
  sort: 'Sorted by',
  dir: 'Order',
};
