'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { runFormAction, type FormState } from '@/lib/action';
import { cancelBooking, createBooking, decideBooking } from '@/lib/dal/bookings';
import { requestInfo } from '@/lib/request-info';
import { bookingDecisionSchema, bookingIdSchema, bookingSchema } from '@/lib/validation';

// The resource's id and the booking's come from the form like any other input: the data-access
// layer checks that the actor may book the resource, or cancel or decide that booking.

function revalidateResourcePages(state: FormState): FormState {
  if (state.ok) revalidatePath('/resources/[slug]', 'page');
  return state;
}

export async function createBookingAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(bookingSchema, formData, async (actor, input) => {
    const booking = await createBooking(actor, input, requestInfo(await headers()));
    const t = await getTranslations('resources.outcome');
    const title = booking.title;
    if (booking.alreadyAdded) return t('alreadyBooked', { title });
    return booking.status === 'requested' ? t('held', { title }) : t('booked', { title });
  });
  return revalidateResourcePages(state);
}

export async function cancelBookingAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(bookingIdSchema, formData, async (actor, input) => {
    const { title } = await cancelBooking(actor, input.bookingId, requestInfo(await headers()));
    return (await getTranslations('resources.outcome'))('cancelled', { title });
  });
  return revalidateResourcePages(state);
}

export async function decideBookingAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(bookingDecisionSchema, formData, async (actor, input) => {
    const { title, status } = await decideBooking(actor, input, requestInfo(await headers()));
    const t = await getTranslations('resources.outcome');
    return status === 'confirmed' ? t('confirmed', { title }) : t('declined', { title });
  });
  return revalidateResourcePages(state);
}
