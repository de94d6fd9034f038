import { AUTH_TOKEN_KEY } from '../api';

/** The query string of the records' exports for a filter (the API checks the caller's scope again). */
export function exportQuery(filter: { from: string; to: string; organisationId?: string | null; category?: string | null }): string {
  const q = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.organisationId) q.set('organisationId', filter.organisationId);
  if (filter.category) q.set('category', filter.category);
  return q.toString();
}

/**
 * Downloads an export with the session's token (a plain link would go without it): fetches the file and
 * saves it through an object URL. Throws with the API's French message on refusal.
 */
export async function downloadExport(kind: 'csv' | 'xlsx', query: string): Promise<void> {
  let token: string | null = null;
  try {
    token = sessionStorage.getItem(AUTH_TOKEN_KEY);
  } catch {
    token = null;
  }
  const res = await fetch(`/evaluation/records.${kind}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { messageFr?: string; message?: string };
    throw new Error(body.messageFr ?? body.message ?? `HTTP ${res.status}`);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `evaluation.${kind}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
