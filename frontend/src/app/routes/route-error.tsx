import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';

/** Shown when a page fails to render, instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unknown error occurred.';
  return (
    <div className="page-center">
      <title>Something went wrong · Cloud Workspace</title>
      <div className="page-center__panel">
        <Alert kind="error" title="Something went wrong on this page">
          {detail}
        </Alert>
        <div className="form__actions">
          <Button
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload the page
          </Button>
        </div>
      </div>
    </div>
  );
}
