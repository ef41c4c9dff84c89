import 'server-only';
import { z } from 'zod';
import { requireActor } from '@/lib/auth';
import type { Actor } from '@/lib/dal/actor';
import { asExpectedFailure } from '@/lib/expected-failure';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translateText } from '@/lib/i18n/translate';
import { formDataToObject } from '@/lib/validation';

/** What a form's server action answers: field errors, a message, and what the person typed. */
export interface FormState<Data = never> {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** What a successful action hands back to the page beyond a message (e.g. a link shown once). */
  data?: Data;
}

/** What an action's work answers: a message, or a message with data for the page. */
export type ActionOutcome<Data> = string | void | { message?: string; data: Data };

/** The submitted text fields, to give back to the form so nothing typed is lost. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData)
    if (typeof value === 'string' && !key.startsWith('$')) values[key] = value;
  return values;
}

/**
 * The one shape of every form action: the signed-in actor (or a redirect to sign-in), zod
 * validation, one data-access call, expected failures as form state. Bugs are rethrown.
 */
export async function runFormAction<Schema extends z.ZodType, Data = never>(
  schema: Schema,
  formData: FormData,
  run: (actor: Actor, input: z.infer<Schema>) => Promise<ActionOutcome<Data>>,
): Promise<FormState<Data>> {
  const values = submittedValues(formData);
  try {
    const actor = await requireActor();
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const locale = await requestLocale();
      const fieldErrors = Object.entries(z.flattenError(parsed.error).fieldErrors).map(
        ([field, messages]) => [field, (messages as string[]).map((m) => translateText(m, locale))],
      );
      return { fieldErrors: Object.fromEntries(fieldErrors), values };
    }
    const outcome = await run(actor, parsed.data);
    if (typeof outcome === 'object') return { ok: true, ...outcome };
    return { ok: true, message: outcome ?? undefined };
  } catch (error) {
    const failure = asExpectedFailure(error);
    if (!failure) throw error;
    const message = translateText(failure.text, await requestLocale());
    if (failure.field) return { fieldErrors: { [failure.field]: [message] }, values };
    return { message, values };
  }
}
