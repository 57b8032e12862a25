import { FavoritesView } from '@/features/files/components/favorites-view';

/** /files/favorites */
export function FilesFavoritesRoute() {
  return <FavoritesView />;
}
