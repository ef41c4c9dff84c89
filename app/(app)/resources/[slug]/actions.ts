'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
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
    if (booking.alreadyAdded) return `“${booking.title}” was already booked.`;
    return booking.status === 'requested'
      ? `“${booking.title}” is held as requested until a manager confirms it.`
      : `Booked: “${booking.title}”.`;
  });
  return revalidateResourcePages(state);
}

export async function cancelBookingAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(bookingIdSchema, formData, async (actor, input) => {
    const { title } = await cancelBooking(actor, input.bookingId, requestInfo(await headers()));
    return `“${title}” cancelled.`;
  });
  return revalidateResourcePages(state);
}

export async function decideBookingAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const state = await runFormAction(bookingDecisionSchema, formData, async (actor, input) => {
    const { title, status } = await decideBooking(actor, input, requestInfo(await headers()));
    return `“${title}” ${status}.`;
  });
  return revalidateResourcePages(state);
}
