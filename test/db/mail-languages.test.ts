import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absences, allowances, feedTokens, guestShares, users } from '@/db/schema';
import { revokeToken } from '@/lib/dal/admin-tokens';
import { createUser as addPerson, issuePasswordSetupLink } from '@/lib/dal/admin-users';
import { decideAbsence, requestAbsence } from '@/lib/dal/absences';
import { EXPIRY_NOTICE_DAYS, queueDueLinkExpiryNotices } from '@/lib/dal/link-notices';
import { requestPasswordReset } from '@/lib/dal/password-reset';
import { createGuestShare } from '@/lib/dal/shares';
import englishMail from '@/lib/i18n/messages/en/mail.json';
import { formatDateSpan, formatMailDateTime } from '@/lib/mail/messages';
import { createUserSchema } from '@/lib/admin-validation';
import { guestShareSchema } from '@/lib/validation';
import { createFeedToken } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';
import { holidayFreeMondayAfter } from '@/test/helpers/dates';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';
import { expectSameContent, visibleText } from '@/test/helpers/mail';
import { setupOutboxDelivery } from '@/test/helpers/outbox-delivery';
import type { ReceivedMail } from '@/test/helpers/smtp-server';

// Each mail in its recipient's language (users.locale; a guest gets the sharer's), sent through a
// real SMTP server and read back with mailparser: a French reader gets French words and French
// dates and not one English sentence; an English reader gets the mail as it always was.

const db = setupTestDatabase();
const { smtp, deliver } = setupOutboxDelivery();
const request = { ip: '203.0.113.61', userAgent: 'vitest' };

/** The English catalogue's literal runs of two words or more, and its labels as facts write them. */
function englishPieces(): string[] {
  const pieces = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (typeof value !== 'string') {
      for (const [name, inner] of Object.entries(value as object)) walk(inner, name);
      return;
    }
    if (value.includes('plural')) return;
    for (const piece of value.split(/\{[^{}]*\}/).map((part) => part.trim()))
      if (piece.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 2) pieces.add(piece);
    // A single word can be a fact's label: "Calendar: …".
    if (!value.includes(' ') && /^\p{Lu}/u.test(value) && key !== 'dateTimeWithZone')
      pieces.add(`${value}: `);
  };
  walk(englishMail, '');
  pieces.add('working day');
  return [...pieces];
}
const ENGLISH = englishPieces();

/** Nothing of the English catalogue, nor any common English word, in either part or the subject. */
function expectNoEnglish(mail: ReceivedMail) {
  // Addresses are no sentence: /reset-password/… and a team's slug are left out.
  const texts = [mail.subject, mail.text, visibleText(mail.html)].map((text) =>
    text.replace(/https?:\/\/\S+/g, ' '),
  );
  for (const text of texts) {
    for (const piece of ENGLISH) expect(text, `English “${piece}”`).not.toContain(piece);
    expect(text).not.toMatch(/\b(?:the|your|you|and|with|Hello|was|of|to|on|until)\b/i);
  }
  expect(mail.html).toContain('<html lang="fr">');
}

async function receive(to: string): Promise<ReceivedMail> {
  await deliver([600]);
  const [mail, ...more] = await smtp().waitForMessages(1, { to });
  expect(more).toEqual([]);
  expectSameContent(mail!);
  return mail!;
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('mails in their recipient’s language', () => {
  it('a guest’s invitation is in the language of the person who shares: French, or English as before', async () => {
    const team = await createTeam(db(), { name: 'Équipe Lyon' });
    const french = await createUser(db(), {
      name: 'Camille Martin',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    const english = await createUser(db(), { name: 'Kim Baker', timeZone: 'America/New_York' });
    await addMember(db(), team.id, french.id, 'manager');
    await addMember(db(), team.id, english.id, 'manager');
    const share = async (sharer: typeof french, email: string) => {
      const created = await createGuestShare(
        sharer,
        { kind: 'team', slug: team.slug },
        guestShareSchema.parse({ email, label: 'Partenaire', privacy: 'standard' }),
        request,
      );
      const [row] = await db()
        .select({ expiresAt: guestShares.setupExpiresAt })
        .from(guestShares)
        .where(eq(guestShares.id, created.shareId));
      return row!.expiresAt!;
    };

    const frenchExpiry = await share(french, 'invitee-fr@partner.example');
    const fr = await receive('invitee-fr@partner.example');
    expect(fr.subject).toBe('Camille Martin a partagé l’agenda « Équipe Lyon » avec vous');
    for (const line of [
      'Bonjour,',
      'Camille Martin a partagé l’agenda « Équipe Lyon » avec vous dans TeamCal.',
      'Agenda : Équipe Lyon',
      'Votre rôle : Lecteur',
      'Vous pouvez : le consulter dans votre application d’agenda : qui est absent ou occupé et le type d’absence ou d’événement, sans les remarques',
      'Choisir votre mot de passe :',
      `Le lien ne fonctionne qu’une fois, jusqu’au ${formatMailDateTime(frenchExpiry, 'Europe/Paris', 'fr-FR')}. S’il a expiré, demandez-en un nouveau à Camille Martin.`,
    ])
      expect(fr.text).toContain(line);
    // A French date: the weekday and the month in French, 24-hour time.
    expect(formatMailDateTime(frenchExpiry, 'Europe/Paris', 'fr-FR')).toMatch(
      /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2} \(Europe\/Paris\)$/u,
    );
    expect(visibleText(fr.html)).toContain('Ou ouvrez cette adresse :');
    expectNoEnglish(fr);

    const englishExpiry = await share(english, 'invitee-en@partner.example');
    const en = await receive('invitee-en@partner.example');
    expect(en.subject).toBe('Kim Baker shared the calendar “Équipe Lyon” with you');
    expect(en.text).toContain('Your role: Viewer');
    expect(en.text).toContain(
      `The link works once, until ${formatMailDateTime(englishExpiry, 'America/New_York', 'en-GB')}. If it has expired, ask Kim Baker for a new one.`,
    );
    expect(en.html).toContain('<html lang="en">');
    expect(visibleText(en.html)).toContain('Or open this address:');
    // The check of French mails finds English where there is some.
    expect(() => expectNoEnglish(en)).toThrow();
  });

  it('a request reaches each manager in their own language, and the decision the requester in theirs', async () => {
    const team = await createTeam(db(), { name: 'Support Paris' });
    const requester = await createUser(db(), { name: 'Rita Requester', locale: 'fr' });
    const colleague = await createUser(db(), { name: 'Colin Colleague' });
    const frenchManager = await createUser(db(), { name: 'Mona Manager', locale: 'fr' });
    const englishManager = await createUser(db(), { name: 'Eli Manager', locale: 'en' });
    await addMember(db(), team.id, requester.id);
    await addMember(db(), team.id, colleague.id);
    await addMember(db(), team.id, frenchManager.id, 'manager');
    await addMember(db(), team.id, englishManager.id, 'manager');
    const type = await createAbsenceType(db(), {
      label: 'Congés payés',
      countsAgainstAllowance: true,
    });
    const monday = holidayFreeMondayAfter(21);
    const friday = plusDays(monday, 4);
    const year = Number(monday.slice(0, 4));
    await db().insert(allowances).values({ userId: requester.id, year, days: 25 });
    const absence = (userId: typeof requester, startDate: string, endDate: string) =>
      requestAbsence(userId, {
        typeId: type.id,
        startDate,
        endDate,
        halfDayStart: false,
        halfDayEnd: false,
        note: null,
      });
    await absence(colleague, plusDays(monday, 2), plusDays(monday, 2));
    await deliver([600]);
    smtp().clear();
    const requested = await absence(requester, monday, friday);

    const fr = await receive(frenchManager.email);
    const frenchSpan = formatDateSpan(monday, friday, 'fr-FR');
    expect(fr.subject).toBe(`Demande d’absence de Rita Requester : Congés payés, ${frenchSpan}`);
    for (const line of [
      'Bonjour Mona Manager,',
      'Rita Requester demande une absence (Congés payés) et attend une décision.',
      `Quand : ${frenchSpan}`,
      'Décompte : 5 jours ouvrés',
      'Solde si la demande est acceptée : 20',
      'Également absents dans Support Paris pendant ces jours :',
      `- Colin Colleague — Congés payés, ${formatDateSpan(plusDays(monday, 2), plusDays(monday, 2), 'fr-FR')} (en attente de décision)`,
      'Accepter ou refuser :',
    ])
      expect(fr.text).toContain(line);
    // French dates: "lun. 7 – ven. 11 déc. 2026".
    expect(frenchSpan).toMatch(/^lun\. \d{1,2}/);
    expectNoEnglish(fr);

    const en = await receive(englishManager.email);
    const englishSpan = formatDateSpan(monday, friday, 'en-GB');
    expect(en.subject).toBe(`Rita Requester requests Congés payés, ${englishSpan}`);
    expect(en.text).toContain('Hello Eli Manager,');
    expect(en.text).toContain('Counts: 5 working days');
    expect(en.text).toContain('Days left if approved: 20');
    expect(en.text).toContain('Also away in Support Paris during these days:');
    expect(en.text).toContain('(awaiting a decision)');

    smtp().clear();
    await decideAbsence(frenchManager, {
      absenceId: requested.id,
      decision: 'reject',
      reason: 'La mise en production tombe cette semaine.',
    });
    const decided = await receive(requester.email);
    expect(decided.subject).toBe(`Votre demande (Congés payés, ${frenchSpan}) a été refusée`);
    for (const line of [
      'Bonjour Rita Requester,',
      `Mona Manager a refusé votre demande : Congés payés, ${frenchSpan}.`,
      'Motif indiqué :',
      '> La mise en production tombe cette semaine.',
      'Voir mes absences :',
    ])
      expect(decided.text).toContain(line);
    expectNoEnglish(decided);

    // The colleague follows their browser (no choice): English, as before.
    smtp().clear();
    const [colleagues] = await db()
      .select({ id: absences.id })
      .from(absences)
      .where(eq(absences.userId, colleague.id));
    await decideAbsence(englishManager, {
      absenceId: colleagues!.id,
      decision: 'approve',
      reason: null,
    });
    const approved = await receive(colleague.email);
    expect(approved.subject).toMatch(/^Your Congés payés request \(.+\) was approved$/);
    expect(approved.text).toContain('Eli Manager approved your request for Congés payés');
  });

  it('the expiry reminder and an admin’s revocation reach a link’s owner in their language', async () => {
    const team = await createTeam(db(), { name: 'Ventes Nantes' });
    const french = await createUser(db(), {
      name: 'Léa Martin',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    const english = await createUser(db(), { name: 'Sam Reed', timeZone: 'Europe/London' });
    await addMember(db(), team.id, french.id);
    await addMember(db(), team.id, english.id);
    const expiring = (ownerId: string) =>
      createFeedToken(db(), {
        kind: 'personal',
        ownerId,
        teamId: team.id,
        createdAt: sql`now() - make_interval(days => 170)`,
        expiresAt: sql`now() + make_interval(days => ${EXPIRY_NOTICE_DAYS - 1})`,
      });
    const frenchLink = await expiring(french.id);
    const englishLink = await expiring(english.id);
    const expiryOf = async (id: string) =>
      (
        await db()
          .select({ expiresAt: feedTokens.expiresAt })
          .from(feedTokens)
          .where(eq(feedTokens.id, id))
      )[0]!.expiresAt!;

    expect(await queueDueLinkExpiryNotices()).toBe(2);
    const fr = await receive(french.email);
    expect(fr.subject).toBe('Un de vos liens d’agenda expire bientôt : Ventes Nantes');
    for (const line of [
      'Bonjour Léa Martin,',
      `Votre abonnement à « Ventes Nantes » cessera de fonctionner le ${formatMailDateTime(await expiryOf(frenchLink.id), 'Europe/Paris', 'fr-FR')}.`,
      `Lien : ${frenchLink.displayPrefix}…`,
      'Renouveler le lien :',
    ])
      expect(fr.text).toContain(line);
    expectNoEnglish(fr);
    const en = await receive(english.email);
    expect(en.subject).toBe('A calendar link of yours expires soon: Ventes Nantes');
    expect(en.text).toContain(
      `Your subscription to “Ventes Nantes” stops working on ${formatMailDateTime(await expiryOf(englishLink.id), 'Europe/London', 'en-GB')}.`,
    );

    smtp().clear();
    const admin = await createUser(db(), { role: 'admin', name: 'Ada Admin' });
    await revokeToken(admin, { tokenId: frenchLink.id, reason: 'Ordinateur volé' });
    const revoked = await receive(french.email);
    expect(revoked.subject).toBe('Un de vos liens d’agenda a été révoqué : Ventes Nantes');
    expect(revoked.text).toContain(
      'Ada Admin, administrateur de TeamCal, a révoqué votre abonnement à « Ventes Nantes ».',
    );
    expect(revoked.text).toContain('> Ordinateur volé');
    expectNoEnglish(revoked);
  });

  it('an admin’s invitation is in the language chosen for the person, else in the admin’s', async () => {
    const frenchAdmin = await createUser(db(), {
      role: 'admin',
      name: 'Inès Admin',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    const englishAdmin = await createUser(db(), { role: 'admin', name: 'Ed Admin' });
    const add = async (admin: typeof frenchAdmin, name: string, language?: string) => {
      const email = `${name
        .normalize('NFD')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase()}-${Date.now()}@example.com`;
      const person = await addPerson(
        admin,
        createUserSchema.parse({ email, name, language }),
        request,
      );
      const [row] = await db()
        .select({ locale: users.locale, timeZone: users.timeZone })
        .from(users)
        .where(eq(users.id, person.userId));
      return { ...person, ...row! };
    };

    // Chosen French by an English-speaking admin: French, and the person's pages follow it.
    const chosen = await add(englishAdmin, 'Zoé Durand', 'fr');
    expect(chosen.locale).toBe('fr');
    const fr = await receive(chosen.email);
    expect(fr.subject).toBe('Ed Admin vous a ajouté à TeamCal');
    expect(fr.text).toContain('Bonjour Zoé Durand,');
    expect(fr.text).toContain(
      `Le lien ne fonctionne qu’une fois, jusqu’au ${formatMailDateTime(chosen.expiresAt, chosen.timeZone, 'fr-FR')}.`,
    );
    expectNoEnglish(fr);

    // Automatic, by a French-speaking admin: French, and the person still follows their browser.
    const automatic = await add(frenchAdmin, 'Paul Petit', 'auto');
    expect(automatic.locale).toBeNull();
    const byFrenchAdmin = await receive(automatic.email);
    expect(byFrenchAdmin.subject).toBe('Inès Admin vous a ajouté à TeamCal');
    expectNoEnglish(byFrenchAdmin);

    // Automatic by an admin reading TeamCal in French through their browser: French too.
    const email = `browser-${Date.now()}@example.com`;
    await addPerson(
      englishAdmin,
      createUserSchema.parse({ email, name: 'Lou Roux' }),
      request,
      'fr',
    );
    expectNoEnglish(await receive(email));

    // English, chosen or by an English-speaking admin: as it always was.
    for (const person of [
      await add(frenchAdmin, 'Amy Jones', 'en'),
      await add(englishAdmin, 'Ben Hill'),
    ]) {
      const en = await receive(person.email);
      expect(en.subject).toMatch(/^(?:Inès|Ed) Admin added you to TeamCal$/);
      expect(en.text).toContain(`Hello ${person.name},`);
      expect(en.html).toContain('<html lang="en">');
    }

    // A new link follows the same rule: the person's language, else the admin's who sends it.
    const reissue = async (admin: typeof frenchAdmin, person: typeof chosen) => {
      smtp().clear();
      await issuePasswordSetupLink(admin, person.userId, request);
      return receive(person.email);
    };
    const reissued = await reissue(englishAdmin, chosen);
    expect(reissued.subject).toBe('Votre nouveau lien de mot de passe TeamCal');
    expectNoEnglish(reissued);
    expectNoEnglish(await reissue(frenchAdmin, automatic));
    expect((await reissue(englishAdmin, automatic)).subject).toBe('Your new TeamCal password link');
  });

  it('a password reset is in the person’s language', async () => {
    const french = await createUser(db(), {
      name: 'Hugo Bernard',
      role: 'admin',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    await requestPasswordReset(french.email, request);
    const mail = await receive(french.email);
    expect(mail.subject).toBe('Réinitialisez votre mot de passe TeamCal');
    expect(mail.text).toContain('Bonjour Hugo Bernard,');
    expect(mail.text).toMatch(/Le lien ne fonctionne qu’une fois, jusqu’au \p{L}+ \d/u);
    expectNoEnglish(mail);
    // Their profile says French; what the database holds is what the mail followed.
    const [row] = await db()
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, french.id));
    expect(row!.locale).toBe('fr');
  });
});
