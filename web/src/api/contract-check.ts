/**
 * What a client generated from the service's OpenAPI document can do with files, checked by
 * `npm run typecheck` (without casts): upload a photo as FormData, download the Word bulletin as a
 * Blob. Not used by the console, whose client (client.ts) reads JSON only; kept as the contract's
 * proof for integrations that generate their own client.
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema';

const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** Uploads a photo with its caption; answers the stored photo's id. */
export async function uploadPhoto(itemId: string, picture: Blob, caption: string): Promise<string> {
  const form = new FormData();
  form.append('caption', caption);
  form.append('file', picture, 'photo.jpg');
  const { data, error } = await client.POST('/v1/submissions/{id}/images', {
    params: { path: { id: itemId } },
    body: form,
  });
  if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
  return data.id;
}

/** Downloads a bulletin as its Word file. */
export async function downloadWordBulletin(bulletinId: string): Promise<Blob> {
  const { data, error } = await client.GET('/v1/bulletins/{id}', {
    params: { path: { id: bulletinId }, query: { format: 'docx' } },
    parseAs: 'blob',
  });
  if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
  return data;
}
