import { useMemo, type ReactNode } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { PageHeader } from '@/components/page-header';
import { Spinner } from '@/components/spinner';
import type { FileNode } from '../api/node';
import { useFileActions } from '../hooks/use-file-actions';
import { useSelection } from '../hooks/use-selection';
import { describeError } from '../utils/describe-error';
import { FileTable } from './file-table';
import { ListToolbar } from './list-toolbar';

/** The parts of a query result the list needs. */
export interface ListQuery {
  data: FileNode[] | undefined;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A flat list of nodes from anywhere (recent, favourites, search results), with their folder. */
export function NodeListView({
  title,
  description,
  query,
  empty,
}: {
  title: string;
  description?: ReactNode;
  query: ListQuery;
  empty: { title: string; text: string; icon: ReactNode };
}) {
  const nodes = useMemo(() => query.data ?? [], [query.data]);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  const selection = useSelection(ids);
  const { actions, element } = useFileActions();

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <div className="files-view__loading">
        <Spinner label={`Loading ${title.toLowerCase()}`} />
      </div>
    );
  } else if (query.isError) {
    body = (
      <>
        <Alert kind="error" title={`${title} could not be loaded`}>
          {describeError(query.error, 'load')}
        </Alert>
        <div className="form__actions">
          <Button
            onClick={() => {
              query.refetch();
            }}
            busy={query.isFetching}
          >
            Try again
          </Button>
        </div>
      </>
    );
  } else if (nodes.length === 0) {
    body = (
      <div className="empty-state">
        {empty.icon}
        <p className="empty-state__title">{empty.title}</p>
        <p className="empty-state__text">{empty.text}</p>
      </div>
    );
  } else {
    body = (
      <>
        <ListToolbar nodes={nodes} total={nodes.length} selection={selection} actions={actions} />
        <FileTable
          nodes={nodes}
          label={title}
          selection={selection}
          showLocation
          onOpenFile={(node) => {
            actions.open(node, nodes);
          }}
          onToggleFavorite={actions.toggleFavorite}
          menuFor={(node) => actions.menuFor(node, nodes)}
          onKeyAction={(action, targets) => {
            const first = targets[0];
            if (action === 'delete') {
              actions.remove(targets);
            } else if (first !== undefined) {
              actions.rename(first);
            }
          }}
        />
      </>
    );
  }

  return (
    <section className="files-view">
      <PageHeader title={title} description={description} />
      {body}
      {element}
    </section>
  );
}
