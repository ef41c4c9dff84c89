import { describe, expect, it } from 'vitest';
import {
  DESCRIBED_ACTIONS,
  describeAuditEvent,
  type AuditFacts,
  type AuditText,
} from '@/lib/audit-text';
import { EXAMPLES, facts, julesUser } from '@/test/helpers/audit-examples';

// The audit log reads in French for a French reader: every action the English test reads, in
// French sentences and lines, with French dates, and not one English word left over.

const FR = 'fr-FR';
const read = (event: AuditFacts) => describeAuditEvent(event, FR);
const linesOf = (text: AuditText) => text.lines.map((line) => `${line.label}: ${line.value}`);

/** How each example of the English test reads in French. */
const FRENCH: Record<string, { reads: string; lines?: string[] }> = {
  'auth.signed_in': { reads: 'Connexion avec OpenID Connect' },
  'auth.sign_in_failed': {
    reads: 'Connexion par mot de passe refusée pour Jules Petit : mot de passe erroné',
  },
  'auth.signed_out': { reads: 'Déconnexion' },
  'user.created': { reads: 'Ajouté Nina Novak (nina@example.com) comme membre' },
  'user.password_setup_issued': {
    reads: 'Émis un nouveau lien de création de mot de passe pour Jules Petit',
  },
  'user.role_changed': { reads: 'Fait passer Jules Petit de membre à administrateur' },
  'user.disabled': { reads: 'Désactivé le compte de Jules Petit' },
  'user.enabled': { reads: 'Réactivé le compte de Jules Petit' },
  'user.signed_out_everywhere': { reads: 'Déconnecté Jules Petit partout (3 sessions fermées)' },
  'user.oidc_account_bound': {
    reads: 'Lié le compte à son identité chez le fournisseur OpenID Connect',
    lines: ['Émetteur: https://id.example.com', 'Sujet: a1b2'],
  },
  'user.password_reset_requested': {
    reads: 'Demandé un lien de réinitialisation du mot de passe',
  },
  'user.password_reset': {
    reads:
      'Choisi un nouveau mot de passe avec un lien de réinitialisation (2 autres sessions fermées)',
  },
  'user.password_set': { reads: 'Choisi un mot de passe avec un lien de création' },
  'user.profile_updated': { reads: 'Réglé son fuseau horaire sur Asia/Tokyo, langue française' },
  'calendar.settings_updated': {
    reads: 'Affiché ses absences validées dans son propre agenda',
  },
  'team.created': { reads: 'Créé l’équipe « Engineering » (Europe/Paris)' },
  'team.updated': {
    reads: 'Modifié l’équipe « Platform »',
    lines: ['Nom: Engineering → Platform'],
  },
  'membership.added': { reads: 'Ajouté Jules Petit à Engineering comme responsable' },
  'membership.removed': { reads: 'Retiré Jules Petit d’Engineering (était membre)' },
  'membership.role_changed': {
    reads: 'Nommé Jules Petit responsable d’Engineering (était membre)',
  },
  'team.minimum_present_set': {
    reads: 'Modifié la présence minimale de « Engineering » : 3 personnes (avant : aucun minimum)',
  },
  'allowance.set': {
    reads: 'Fixé les droits à congés de Jules Petit pour 2026',
    lines: [
      'Jours par an: 25 jours → 27,5 jours',
      'Jours reportables: 0 jour → 5 jours',
      'Date de perte des jours reportés: jamais → 31 mars 2026',
    ],
  },
  'allowance.team_set': {
    reads: 'Fixé les droits à congés de chaque membre de « Engineering » pour 2027 (12 personnes)',
    lines: [
      'Jours par an: 25 jours',
      'Jours reportables: 5 jours',
      'Date de perte des jours reportés: jamais',
    ],
  },
  'absence.requested': {
    reads: 'Demandé son absence « Vacation », 29 juin – 3 juil. 2026, en attente de décision',
  },
  'absence.approved': {
    reads: 'Validé l’absence « Vacation » de Jules Petit, 17–19 juin 2026 (jusqu’au matin)',
  },
  'absence.rejected': {
    reads: 'Refusé l’absence « Training » de Jules Petit, 30 déc. 2026 – 2 janv. 2027',
  },
  'absence.cancelled': { reads: 'Annulé son absence « Remote work », 17 juin 2026' },
  'absence_type.created': {
    reads: 'Créé le type d’absence « Jury duty »',
    lines: [
      'Clé: jury_duty',
      'Nom: Jury duty',
      'Couleur: #7c3aed',
      'Privé (données de santé): non',
      'Soumis à validation: oui',
      'Décompté des congés: non',
      'Au-delà des jours restants: refusé',
      'Position: 6',
    ],
  },
  'absence_type.updated': {
    reads: 'Modifié le type d’absence « Sick leave »',
    lines: ['Nom: Illness → Sick leave', 'Privé (données de santé): non → oui'],
  },
  'absence_type.retired': {
    reads: 'Retiré le type d’absence « Jury duty » : il ne peut plus être demandé',
  },
  'absence_type.restored': {
    reads: 'Rétabli le type d’absence « Jury duty » : il peut de nouveau être demandé',
  },
  'feed_token.created': {
    reads: 'Créé son abonnement à « Engineering » (tcal_ab12cd…), confidentialité standard',
  },
  'feed_token.revoked': {
    reads: 'Révoqué l’abonnement de Jules Petit à « Engineering » (tcal_ab12cd…) : Laptop stolen',
  },
  'feed_token.rotated': {
    reads: 'Régénéré son abonnement à son propre agenda (tcal_old123…) : remplacé par tcal_new456…',
  },
  'feed_token.settings_updated': {
    reads:
      'Modifié ce qu’affiche son abonnement à « Engineering » (tcal_ab12cd…), sans changer son adresse, occupé ou libre seulement',
  },
  'feed_token.first_used': {
    reads: 'Première lecture de l’abonnement de Jules Petit à « Engineering » (tcal_ab12cd…)',
  },
  'feed_token.exported': {
    reads: 'Exporté la liste des liens en CSV',
    lines: [
      'Équipe: Engineering',
      'Sorte: partage invité',
      'Statut: actif',
      'Trié par: dernière lecture',
      'Ordre: les plus récents d’abord',
    ],
  },
  'public_link.created': {
    reads:
      'Créé le lien public « Lobby screen » vers « Room 2 » (tcal_pub789…), occupé ou libre seulement',
  },
  'public_link.revoked': {
    reads: 'Révoqué le lien public « Website » vers « Engineering » (tcal_pub789…)',
  },
  'guest_share.created': {
    reads: 'Partagé « Engineering » avec l’invité auditor@example.org, tous les détails',
  },
  'guest_share.revoked': {
    reads: 'Révoqué le partage invité de « Engineering » avec auditor@example.org (tcal_gst321…)',
  },
  'guest_share.setup_reissued': {
    reads: 'Envoyé à auditor@example.org un nouveau lien de configuration pour « Engineering »',
  },
  'guest_share.setup_completed': {
    reads: 'L’invité auditor@example.org a choisi un mot de passe pour « Engineering »',
  },
  'team_event.created': { reads: 'Ajouté l’événement d’équipe « Offsite » de « Engineering »' },
  'team_event.updated': {
    reads: 'Modifié l’événement d’équipe « Offsite » de « Engineering »',
    lines: ['Champs modifiés: titre, date de début'],
  },
  'team_event.cancelled': { reads: 'Annulé l’événement d’équipe « Offsite » de « Engineering »' },
  'appointment.created': { reads: 'Ajouté un rendez-vous à son agenda' },
  'appointment.updated': {
    reads: 'Modifié un rendez-vous de son agenda',
    lines: ['Champs modifiés: lieu'],
  },
  'appointment.cancelled': { reads: 'Annulé un rendez-vous de son agenda' },
  'booking.created': {
    reads:
      'Réservé « Room 2 » pour « Sprint review », en attente de la confirmation d’un responsable',
    lines: ['Quand: 17 juin 2026, 09:00 – 10:30 (Europe/Paris)'],
  },
  'booking.cancelled': { reads: 'Annulé la réservation de « Room 2 » pour « Sprint review »' },
  'booking.confirmed': {
    reads: 'Confirmé la réservation de « Room 2 » par Jules Petit pour « Sprint review »',
  },
  'booking.declined': {
    reads: 'Refusé la réservation de « Room 2 » par Jules Petit pour « Sprint review »',
  },
  'resource.created': {
    reads: 'Créé la ressource « Room 2 » (salle)',
    lines: ['Responsables: lea@example.com, sam@example.com'],
  },
  'resource.updated': {
    reads: 'Modifié la ressource « Room 2 »',
    lines: ['Responsables: aucun'],
  },
  'resource.disabled': {
    reads:
      'Désactivé la ressource « Room 2 » : plus de nouvelles réservations, ses liens s’arrêtent',
  },
  'resource.enabled': { reads: 'Réactivé la ressource « Room 2 »' },
  'policy.updated': {
    reads: 'Modifié les règles',
    lines: [
      'Durée de vie maximale d’un lien: 183 jours → 90 jours',
      'Connexion par mot de passe pour les membres: oui → non',
    ],
  },
};

const UNKNOWN = facts('holiday_calendar.imported', null, {
  country: 'FR',
  holidayCount: 11,
  regions: ['Alsace', 'Moselle'],
  replaced: false,
  window: { from: '2026-01-01', to: '2026-12-31' },
});

/** The words of a text, as letters only, less link prefixes, addresses and colours. */
const wordsOf = (text: string) =>
  text.replace(/tcal_\w+|\S+@\S+|https:\/\/\S+|#[0-9a-f]{6}|\b\w+_\w+\b/g, ' ').match(/\p{L}+/gu) ??
  [];

/** What the examples' people named or typed: names, titles, labels, zones, a reason. */
const TYPED = new Set(
  wordsOf(
    `Jules Petit Nina Novak Engineering Platform Vacation Training Remote work Jury duty Sick leave
    Illness Laptop stolen Lobby screen Room Website Offsite Sprint review Asia Tokyo Europe Paris`,
  ).map((word) => word.toLowerCase()),
);

/** Words English and French both write (OpenID Connect, CSV, une date, 25 jours par an…). */
const BOTH = new Set(
  wordsOf(
    'OpenID Connect CSV absence absences an confirmation date minimum position public sessions standard type',
  ).map((word) => word.toLowerCase()),
);

describe('the audit log in French', () => {
  it('has a French reading of every example the English test reads', () => {
    expect(Object.keys(FRENCH).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(Object.entries(EXAMPLES))('reads %s in French', (action, example) => {
    const text = read(example.event);
    expect(text.sentence).toBe(FRENCH[action]!.reads);
    expect(linesOf(text)).toEqual(FRENCH[action]!.lines ?? []);
  });

  it('leaves no English word in a French sentence or line', () => {
    const events = [
      ...Object.values(EXAMPLES).map((example) => example.event),
      ...[...DESCRIBED_ACTIONS].map((action) => facts(action, null, null, { actorId: null })),
    ];
    // The English words of the English sentences, less what people named or typed (Vacation,
    // Laptop stolen…) and the words French writes too.
    const english = new Set(
      events
        .map((event) => describeAuditEvent(event, 'en-GB'))
        .flatMap((text) => [text.sentence, ...text.lines.flatMap((l) => [l.label, l.value])])
        .flatMap(wordsOf)
        .map((word) => word.toLowerCase())
        .filter((word) => word.length > 1 && !BOTH.has(word) && !TYPED.has(word)),
    );
    expect(english.size, 'English words to look for').toBeGreaterThan(100);
    for (const word of ['revoked', 'their', 'subscription', 'calendar', 'someone', 'days'])
      expect(english, word).toContain(word);

    const leftovers = events.flatMap((event) => {
      const text = read(event);
      return [text.sentence, ...text.lines.flatMap((l) => [l.label, l.value])]
        .flatMap(wordsOf)
        .filter((word) => english.has(word.toLowerCase()))
        .map((word) => `${event.action}: ${word}`);
    });
    expect(leftovers).toEqual([]);
  });

  it('reads an action it does not know as « Action … », its details under their stored names', () => {
    const text = read(UNKNOWN);
    expect(text.sentence).toBe('Action holiday_calendar.imported');
    expect(text.lines).toEqual([
      { label: 'country', value: 'FR' },
      { label: 'holidayCount', value: '11' },
      { label: 'regions', value: 'Alsace, Moselle' },
      { label: 'replaced', value: 'non' },
      { label: 'window', value: 'from : 2026-01-01; to : 2026-12-31' },
    ]);
  });

  it('writes “d’” before a vowel and “du” for “de le”, never inside what someone typed', () => {
    const ada = { personId: 'ada-id', personName: 'Ada Lovelace' };
    expect(read(facts('user.disabled', { name: 'Ève Martin' })).sentence).toBe(
      'Désactivé le compte d’Ève Martin',
    );
    expect(read(facts('user.disabled', { name: 'Hugo Bernard' })).sentence).toBe(
      'Désactivé le compte de Hugo Bernard',
    );
    expect(
      read(
        facts(
          'feed_token.revoked',
          { ...ada, calendarKind: 'person', calendarName: 'Yann Le Goff', linkKind: 'personal' },
          { reason: 'départ de Anne' },
        ),
      ).sentence,
    ).toBe('Révoqué l’abonnement d’Ada Lovelace à l’agenda de Yann Le Goff : départ de Anne');
    expect(
      read(
        facts('feed_token.first_used', {
          calendarKind: 'team',
          calendarName: 'Engineering',
          linkKind: 'public',
          name: 'Écran du hall',
        }),
      ).sentence,
    ).toBe('Première lecture du lien public « Écran du hall » vers « Engineering »');
    expect(
      read(facts('membership.role_changed', julesUser, { before: 'manager', after: 'member' }))
        .sentence,
    ).toBe('Nommé Jules Petit membre d’une équipe (était responsable)');
  });

  it('writes dates and counts the French way, and the same sentence in English for en-GB', () => {
    const approved = EXAMPLES['absence.approved']!.event;
    expect(describeAuditEvent(approved, 'fr-CA').sentence).toContain('juin 2026');
    expect(describeAuditEvent(approved, 'en-GB').sentence).toBe(
      EXAMPLES['absence.approved']!.reads,
    );
    const oneSession = facts('user.signed_out_everywhere', julesUser, { sessions: 1 });
    expect(read(oneSession).sentence).toBe('Déconnecté Jules Petit partout (1 session fermée)');
    expect(describeAuditEvent(oneSession, 'en-GB').sentence).toBe(
      'Signed Jules Petit out everywhere (1 session ended)',
    );
  });
});
