// Download links for the export API: the browser fetches them itself (a GET with the session cookie), so a large
// file streams straight to disk instead of through the page's memory.

type Query = Record<string, string | undefined>;

export function exportHref(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  return `/api/v1/exports/${path}?${params.toString()}`;
}
