import { useSearchParams } from 'react-router';
import { SearchResults } from '@/features/files/components/search-results';

/** /files/search?q=… */
export function FilesSearchRoute() {
  const [params] = useSearchParams();
  return <SearchResults query={params.get('q') ?? ''} />;
}
