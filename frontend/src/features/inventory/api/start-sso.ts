import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** POST /api/integrations/inventorypro/sso: InventoryPro's login address with a one-time ticket. */
export const ssoRedirectSchema = z.object({ redirectUrl: z.url() });

export type SsoRedirect = z.infer<typeof ssoRedirectSchema>;

export function startSso(): Promise<SsoRedirect> {
  return api.request('/api/integrations/inventorypro/sso', {
    method: 'POST',
    schema: ssoRedirectSchema,
    notifyOnError: false,
  });
}

/** Leaves the app for another site; a seam so that tests can watch it. */
export const browserLocation = {
  assign(url: string) {
    window.location.assign(url);
  },
};

/** Asks for a ticket, then sends the browser to InventoryPro with it (the ticket lives 60 s at most). */
export function useOpenInventoryPro() {
  return useMutation({
    mutationFn: startSso,
    onSuccess: ({ redirectUrl }) => {
      browserLocation.assign(redirectUrl);
    },
  });
}
