// The few product calls the bench makes outside the load itself.
// The load signs in as a demo agent, the way the web app does: a session cookie plus the CSRF token
// that every unsafe request must echo in a header.

const SESSION_COOKIE = 'closeloop_session';

export async function signIn(baseUrl: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}: ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken?: string };
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!csrfToken || !session) throw new Error(`sign-in as ${username} gave no ${csrfToken ? 'session cookie' : 'csrfToken'}`);
  return { cookie: session, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

// Tickets stored, as the product itself counts them: the agent sees every unit's tickets.
export async function countTickets(baseUrl: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/tickets?limit=1`, { headers });
  if (res.status !== 200) throw new Error(`counting tickets answered ${res.status}: ${await res.text()}`);
  const { counts } = (await res.json()) as { counts: Record<string, number> };
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
