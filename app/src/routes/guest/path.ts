/** `/t/<token>` → the menu; `/t/<token>/orders` → the guest's orders (one highlighted when given). */
export interface GuestPath {
  token: string;
  view: 'menu' | 'orders';
  orderId: string | null;
}

export function parseGuestPath(pathname: string): GuestPath | null {
  const match = /^\/t\/([^/]+)(?:\/(orders)(?:\/([^/]+))?)?\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { token, view: match[2] ? 'orders' : 'menu', orderId: match[3] ?? null };
}

export function guestHref(path: GuestPath): string {
  const base = `/t/${encodeURIComponent(path.token)}`;
  if (path.view === 'menu') return base;
  return path.orderId ? `${base}/orders/${path.orderId}` : `${base}/orders`;
}
