import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../ui/api';

/** The logged-in agent (GET /auth/me), or null when there is no session. */
export interface Me {
  tenantId: string;
  kind: string;
  id: string | null;
  name: string | null;
  role: string | null;
  permissions: string[];
}

export const meQueryKey = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      try {
        return await api<Me>('GET', '/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the agent's role allows a permission (see packages/core/src/access/permissions.ts). */
export function allows(me: Me | null | undefined, permission: string): boolean {
  return me?.permissions.includes(permission) ?? false;
}
