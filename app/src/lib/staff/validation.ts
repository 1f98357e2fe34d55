/** How long a new join code stays valid, in hours (the database accepts 1 to 720). */
export const inviteValidities = [24, 72, 168, 720] as const;

/** An invite's state at `now`, for the open-invites list. */
export function inviteStatus(invite: { expires_at: string }, now: number): 'open' | 'expired' {
  return Date.parse(invite.expires_at) <= now ? 'expired' : 'open';
}
