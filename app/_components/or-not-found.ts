import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/** Runs a lookup, answering the page's 404 when the data-access layer says `not_found`. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
