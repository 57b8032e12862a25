import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { PageHeader } from '@/components/page-header';

/** What someone without the admin role sees at an admin address (the server refuses them too). */
export function Forbidden() {
  return (
    <>
      <PageHeader title="Not allowed" />
      <div className="stack" data-testid="forbidden">
        <Alert kind="error" title="403 — administrators only">
          This part of the workspace is for administrators. Ask one if you need something changed.
        </Alert>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </div>
    </>
  );
}
