import { daySpan, readable, type AuditLine, type Wording, type Words } from './audit-phrases';

// The words audit lines use for stored settings, whose changes are listed before → after, and for
// a CSV export's filter; their texts are in lib/i18n/messages/*/audit.json.

const yesNo = (w: Wording) => (value: unknown) => w.t(value ? 'part.yes' : 'part.no');
const allowed = (w: Wording) => (value: unknown) => w.t(value ? 'part.allowed' : 'part.notAllowed');
const days = (w: Wording) => (value: unknown) =>
  typeof value === 'number' ? w.t('part.days', { count: value }) : readable(w, value);

export const policyWords = (w: Wording): Words => ({
  maxTokenLifetimeDays: { label: w.t('policyWords.maxTokenLifetimeDays'), value: days(w) },
  personalLinkLifetimeDays: { label: w.t('policyWords.personalLinkLifetimeDays'), value: days(w) },
  publicLinksAllowed: { label: w.t('policyWords.publicLinksAllowed'), value: allowed(w) },
  neverExpiringLinksAllowed: {
    label: w.t('policyWords.neverExpiringLinksAllowed'),
    value: allowed(w),
  },
  guestSharesAllowed: { label: w.t('policyWords.guestSharesAllowed'), value: allowed(w) },
  oidcProvisioningAllowed: { label: w.t('policyWords.oidcProvisioningAllowed'), value: allowed(w) },
  passwordSignInAllowed: { label: w.t('policyWords.passwordSignInAllowed'), value: allowed(w) },
});

export const typeWords = (w: Wording): Words => ({
  key: { label: w.t('typeWords.key') },
  label: { label: w.t('typeWords.label') },
  color: { label: w.t('typeWords.color') },
  isPrivate: { label: w.t('typeWords.isPrivate'), value: yesNo(w) },
  requiresApproval: { label: w.t('typeWords.requiresApproval'), value: yesNo(w) },
  countsAgainstAllowance: { label: w.t('typeWords.countsAgainstAllowance'), value: yesNo(w) },
  overAllowance: {
    label: w.t('typeWords.overAllowance'),
    value: (rule: unknown) => w.t('part.overAllowance', { rule: String(rule) }),
  },
  sortOrder: { label: w.t('typeWords.sortOrder') },
  active: { label: w.t('typeWords.active'), value: yesNo(w) },
});

export const teamWords = (w: Wording): Words => ({
  name: { label: w.t('teamWords.name') },
  timeZone: { label: w.t('teamWords.timeZone') },
  holidayCountry: {
    label: w.t('teamWords.holidayCountry'),
    value: (v: unknown) => (v ? readable(w, v) : w.t('part.none')),
  },
  holidayRegion: {
    label: w.t('teamWords.holidayRegion'),
    value: (v: unknown) => (v ? readable(w, v) : w.t('part.wholeCountry')),
  },
});

export const allowanceWords = (w: Wording): Words => ({
  days: { label: w.t('allowanceWords.days'), value: days(w) },
  carryOverMax: { label: w.t('allowanceWords.carryOverMax'), value: days(w) },
  carryOverExpiresOn: {
    label: w.t('allowanceWords.carryOverExpiresOn'),
    value: (v: unknown) =>
      typeof v === 'string' ? (daySpan(w, { startDate: v }) ?? v) : w.t('part.never'),
  },
});

/** A CSV export's filter (the token audit's), one line per filter set, in the table's order. */
export function filterLines(w: Wording, filter: Record<string, unknown>): AuditLine[] {
  const set = (name: string) => filter[name] !== undefined && filter[name] !== null;
  const value = (name: string) => readable(w, filter[name]);
  const lines: AuditLine[] = [];
  if (set('calendar'))
    lines.push({
      label: w.t('filterWords.calendar'),
      value: w.t('filterWords.calendarValue', { value: value('calendar') }),
    });
  // Whatever the admin typed, as they typed it (English has always shown underscores as spaces).
  if (set('who'))
    lines.push({
      label: w.t('filterWords.who'),
      value: w.language === 'en' ? value('who').replaceAll('_', ' ') : value('who'),
    });
  if (set('kind'))
    lines.push({
      label: w.t('filterWords.kind'),
      value: w.t('filterWords.kindValue', { value: value('kind') }),
    });
  if (set('status'))
    lines.push({
      label: w.t('filterWords.status'),
      value: w.t('filterWords.statusValue', { value: value('status') }),
    });
  if (set('sort'))
    lines.push({
      label: w.t('filterWords.sort'),
      value: w.t('filterWords.sortValue', { value: value('sort') }),
    });
  if (set('dir'))
    lines.push({
      label: w.t('filterWords.dir'),
      value: w.t('filterWords.dirValue', { value: value('dir') }),
    });
  return lines;
}
