import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { runFormAction, type ActionOutcome, type FormState } from '@/lib/action';
import type { Actor } from '@/lib/dal/actor';
import { requestInfo, type RequestInfo } from '@/lib/request-info';
import { teamSlugSchema } from '@/lib/validation';

/**
 * The shape of the team page's actions bound to a team: the bound slug is validated like any
 * input, the work runs through runFormAction with the caller's address for the audit log, and the
 * page is revalidated after a success.
 */
export async function runTeamFormAction<Schema extends z.ZodType, Data = never>(
  slug: string,
  schema: Schema,
  formData: FormData,
  run: (
    actor: Actor,
    input: z.infer<Schema>,
    team: string,
    request: RequestInfo,
  ) => Promise<ActionOutcome<Data>>,
): Promise<FormState<Data>> {
  const team = teamSlugSchema.safeParse(slug);
  if (!team.success) return { message: 'Unknown team.' };
  const request = requestInfo(await headers());
  const state = await runFormAction(schema, formData, (actor, input: z.infer<Schema>) =>
    run(actor, input, team.data, request),
  );
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}
