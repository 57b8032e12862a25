import { useParams } from 'react-router';
import { PublicSharePage } from '@/features/sharing/components/public-share-page';

/** /s/:token: a public link's page, outside the signed-in layout; nobody needs to sign in. */
export function PublicShareRoute() {
  const { token = '' } = useParams();
  return <PublicSharePage key={token} token={token} />;
}
