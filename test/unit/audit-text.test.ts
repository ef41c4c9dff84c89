import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DESCRIBED_ACTIONS,
  describeAuditEvent,
  type AuditFacts,
  type AuditTarget,
} from '@/lib/audit-text';
import { EXAMPLES, facts, julesUser } from '@/test/helpers/audit-examples';

// Every action TeamCal writes to the audit log reads as a sentence of its own. The actions are
// found in the code itself, so a new one without a sentence fails here.

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The `.ts` files under a folder, recursively. */
function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Actions built from a template, and what each template can make. */
const TEMPLATES: Record<string, string[]> = {
  '`booking.${action}`': ['booking.cancelled', 'booking.confirmed', 'booking.declined'],
  '`${noun}.${change.verb}`': [
    'appointment.created',
    'appointment.updated',
    'appointment.cancelled',
    'team_event.created',
    'team_event.updated',
    'team_event.cancelled',
  ],
};

/** Every action the code writes: the `action:` of each audit event, its literals and templates. */
function actionsInCode(): { actions: Set<string>; unknownTemplates: string[] } {
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sourceFiles(path.join(ROOT, 'lib'))) {
    const source = fs.readFileSync(file, 'utf8');
    if (!source.includes('recordAuditEvent(')) continue;
    for (const [, expression] of source.matchAll(/\baction:\s*([^\n]+)/g)) {
      for (const [, action] of expression!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g))
        actions.add(action!);
      for (const [template] of expression!.matchAll(/`[^`]*\$\{[^`]*`/g)) {
        const expansions = TEMPLATES[template];
        if (expansions) expansions.forEach((action) => actions.add(action));
        else unknownTemplates.push(`${path.relative(ROOT, file)}: ${template}`);
      }
    }
  }
  return { actions, unknownTemplates };
}

const lines = (event: AuditFacts) =>
  describeAuditEvent(event, 'en-GB').lines.map((line) => `${line.label}: ${line.value}`);

describe('the audit log in words', () => {
  it('has a sentence of its own for every action the code writes', () => {
    const { actions, unknownTemplates } = actionsInCode();
    expect(unknownTemplates, 'action templates this test cannot expand').toEqual([]);
    expect(actions.size).toBeGreaterThan(40);
    const missing = [...actions].filter((action) => !DESCRIBED_ACTIONS.has(action)).sort();
    expect(missing, 'actions without a sentence in lib/audit-text.ts').toEqual([]);
    const untested = [...actions].filter((action) => !(action in EXAMPLES)).sort();
    expect(untested, 'actions without an example here').toEqual([]);
  });

  it.each(Object.entries(EXAMPLES))('reads %s as a sentence', (action, example) => {
    expect(example.event.action).toBe(action);
    expect(describeAuditEvent(example.event, 'en-GB').sentence).toBe(example.reads);
    expect(lines(example.event)).toEqual(example.lines ?? []);
  });

  it('reads every action without its target or details, never as “undefined” or raw data', () => {
    for (const action of DESCRIBED_ACTIONS) {
      const text = describeAuditEvent(facts(action, null, null, { actorId: null }), 'en-GB');
      const words = [text.sentence, ...text.lines.map((l) => `${l.label} ${l.value}`)].join(' ');
      expect(words, action).not.toMatch(/undefined|null|NaN|\[object|[{}"]/);
      expect(text.sentence.length, action).toBeGreaterThan(5);
    }
  });

  it('names failed sign-ins’ method and reason', () => {
    const failed = (details: Record<string, unknown>, target: AuditTarget | null = null) =>
      describeAuditEvent(facts('auth.sign_in_failed', target, details, { actorId: null }), 'en-GB')
        .sentence;
    expect(failed({ method: 'password', reason: 'unknown_email' })).toBe(
      'Sign-in with a password refused: no account has this email address',
    );
    expect(failed({ method: 'oidc', reason: 'not_provisioned', email: 'new@example.com' })).toBe(
      'Sign-in with OpenID Connect refused for new@example.com: nobody has this email address, and accounts are not created at sign-in',
    );
    expect(failed({ method: 'oidc', reason: 'invalid_id_token' })).toBe(
      'Sign-in with OpenID Connect refused: the provider’s answer did not verify',
    );
    expect(failed({ method: 'password', reason: 'password_sign_in_off' }, julesUser)).toBe(
      'Sign-in with a password refused for Jules Petit: password sign-in is for admins only',
    );
    expect(
      describeAuditEvent(
        facts('user.created', julesUser, {
          method: 'oidc',
          role: 'member',
          issuer: 'https://id.example.com',
          subject: 's1',
        }),
        'en-GB',
      ).sentence,
    ).toBe(
      'Account created for Jules Petit (jules@example.com) at their first sign-in with OpenID Connect, as a member',
    );
  });

  it('reads an action it does not know as words: a sentence from its name and its details line by line', () => {
    const text = describeAuditEvent(
      facts('holiday_calendar.imported', null, {
        country: 'FR',
        holidayCount: 11,
        regions: ['Alsace', 'Moselle'],
        replaced: false,
        window: { from: '2026-01-01', to: '2026-12-31' },
      }),
      'en-GB',
    );
    expect(text.sentence).toBe('Holiday calendar: imported');
    expect(text.lines).toEqual([
      { label: 'Country', value: 'FR' },
      { label: 'Holiday count', value: '11' },
      { label: 'Regions', value: 'Alsace, Moselle' },
      { label: 'Replaced', value: 'no' },
      { label: 'Window', value: 'from: 2026-01-01; to: 2026-12-31' },
    ]);
  });
});
