import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys } from './admin-user';

export const settingValueSchema = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.array(z.string()),
  z.null(),
]);

export type SettingValue = z.infer<typeof settingValueSchema>;

/** How one setting is edited, from the server's catalog. */
export const settingInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['number', 'boolean', 'url', 'text', 'list', 'choices']),
  description: z.string(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  choices: z.array(z.string()).nullish(),
  pattern: z.string().nullish(),
  environmentVariable: z.string().nullish(),
});

export type SettingInfo = z.infer<typeof settingInfoSchema>;

export const settingsOverviewSchema = z.object({
  values: z.record(z.string(), settingValueSchema),
  defaults: z.record(z.string(), settingValueSchema),
  secrets: z.array(z.object({ name: z.string(), set: z.boolean() })),
  catalog: z.array(settingInfoSchema),
});

export type SettingsOverview = z.infer<typeof settingsOverviewSchema>;

/** GET /api/admin/settings. */
export function getSettings(signal?: AbortSignal): Promise<SettingsOverview> {
  return api.get('/api/admin/settings', settingsOverviewSchema, { signal });
}

export function useSettings() {
  return useQuery({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }) => getSettings(signal),
  });
}

/** PATCH /api/admin/settings: all or nothing; null restores a default. */
export function updateSettings(patch: Record<string, SettingValue>): Promise<SettingsOverview> {
  return api.request('/api/admin/settings', {
    method: 'PATCH',
    body: patch,
    schema: settingsOverviewSchema,
    notifyOnError: false,
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (overview) => {
      queryClient.setQueryData(adminKeys.settings(), overview);
    },
  });
}
