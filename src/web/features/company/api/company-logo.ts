/**
 * The company logo printed on its lead sheets (docs/api.md, Company): read by any role, set,
 * replaced and removed by an admin. The picture is fetched as bytes (shown through useObjectUrl).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiFile, apiUpload } from '../../../lib/api-client';

export const companyLogoKey = ['company-logo'] as const;

export interface CompanyLogoFacts {
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly byteLength: number;
  readonly updatedAt: string;
}

/** The logo's bytes, or null when the company has none. */
export function useCompanyLogo() {
  return useQuery({
    queryKey: companyLogoKey,
    queryFn: async ({ signal }): Promise<Blob | null> => {
      try {
        const { blob } = await apiFile('GET', '/company/logo', { signal }, 'image/*');
        return blob;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** The file's own type when it says PNG or JPEG; otherwise the service reads its bytes. */
function contentTypeOf(file: File): string {
  return file.type === 'image/png' || file.type === 'image/jpeg'
    ? file.type
    : 'application/octet-stream';
}

export function useSetCompanyLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      apiUpload<CompanyLogoFacts>('PUT', '/company/logo', file, contentTypeOf(file)),
    onSuccess: () => client.invalidateQueries({ queryKey: companyLogoKey }),
  });
}

export function useRemoveCompanyLogo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>('DELETE', '/company/logo'),
    onSuccess: () => client.invalidateQueries({ queryKey: companyLogoKey }),
  });
}
