import { StarIcon } from '@/components/file-icons';
import { useFavorites } from '../api/get-favorites';
import { NodeListView } from './node-list-view';

export function FavoritesView() {
  const favorites = useFavorites();
  return (
    <NodeListView
      title="Favourites"
      description="Files and folders you marked with a star."
      query={favorites}
      empty={{
        icon: <StarIcon width={40} height={40} />,
        title: 'No favourites yet',
        text: 'Click the star next to a file or folder to find it here quickly.',
      }}
    />
  );
}
