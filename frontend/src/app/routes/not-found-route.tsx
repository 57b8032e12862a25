import { Link, useLocation } from 'react-router';
import { PageHeader } from '@/components/page-header';

export function NotFoundRoute() {
  const { pathname } = useLocation();
  return (
    <div className="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeader
        title="Page not found"
        description={
          <>
            There is no page at <code>{pathname}</code>. It may have moved, or the link may be
            mistyped.
          </>
        }
      />
      <Link className="button button--primary" to="/">
        Go to Home
      </Link>
    </div>
  );
}
