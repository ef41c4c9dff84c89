import { CopyField } from '../_components/copy-field';
import { formatDateTime } from '../_components/ui';
import type { SetupLink } from './actions';

/** A password-setup link, mailed to the person and shown once, should the admin hand it over. */
export function SetupLinkNotice({ link }: { link: SetupLink }) {
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
      <CopyField id="setup-link" label={`Setup link for ${link.name}`} value={link.url} />
      <p className="text-xs text-amber-900">
        {link.delivery} The link is shown only now, should you rather give it to {link.name}{' '}
        yourself. It works once, until {formatDateTime(new Date(link.expiresAt))} UTC. Anyone
        holding it can choose the password, so send it by a channel only they read.
      </p>
    </div>
  );
}
