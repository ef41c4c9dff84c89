import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth';
import { listResources, type ResourceSummary } from '@/lib/dal/resources';

export const metadata: Metadata = { title: 'Resources' };

const KIND_LABEL: Record<ResourceSummary['kind'], string> = {
  room: 'Room',
  equipment: 'Equipment',
  vehicle: 'Vehicle',
  other: 'Resource',
};

export default async function ResourcesPage() {
  const actor = await requireActor();
  const resources = await listResources(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Resources</h1>
        <p className="mt-1 text-sm text-slate-600">
          Rooms, equipment and vehicles anyone in the organisation can book.
        </p>
      </div>
      {resources.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          No resources yet. An admin adds rooms, equipment and vehicles under Admin → Resources.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {resources.map((resource) => (
            <li
              key={resource.id}
              className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 className="font-semibold">
                <Link href={`/resources/${resource.slug}`} className="hover:underline">
                  {resource.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {KIND_LABEL[resource.kind]}
                {resource.capacity ? ` · ${resource.capacity} people` : ''}
                {resource.bookingPolicy === 'approval' ? ' · needs confirmation' : ''}
              </p>
              {resource.location && (
                <p className="mt-1 text-sm text-slate-500">{resource.location}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
