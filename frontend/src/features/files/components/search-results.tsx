import { SearchIcon } from '@/components/file-icons';
import { useSearchFiles } from '../api/search-files';
import { plural } from '../utils/format';
import { NodeListView, type ListQuery } from './node-list-view';

/** The files and folders whose name matches the query. */
export function SearchResults({ query }: { query: string }) {
  const search = useSearchFiles(query);
  const trimmed = query.trim();
  const results: ListQuery = {
    data: trimmed === '' ? [] : search.data?.items,
    // With no query there is nothing to wait for.
    isPending: trimmed !== '' && search.isPending,
    isError: search.isError,
    error: search.error,
    isFetching: search.isFetching,
    refetch: () => search.refetch(),
  };
  const total = search.data?.total ?? 0;
  const shown = search.data?.items.length ?? 0;
  return (
    <NodeListView
      title={trimmed === '' ? 'Search' : `Results for “${trimmed}”`}
      description={
        trimmed === ''
          ? 'Type in the search box to find files and folders by name.'
          : search.data === undefined
            ? undefined
            : total > shown
              ? `${plural(total, 'match', 'matches')}, the first ${shown} shown.`
              : plural(total, 'match', 'matches')
      }
      query={results}
      empty={{
        icon: <SearchIcon width={40} height={40} />,
        title: trimmed === '' ? 'Search your files' : 'No matches',
        text:
          trimmed === ''
            ? 'Names are matched anywhere in your files.'
            : 'No file or folder name contains this. Check the spelling or try part of the name.',
      }}
    />
  );
}
