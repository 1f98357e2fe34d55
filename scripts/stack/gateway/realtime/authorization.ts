import type pg from 'pg';
import type { JwtClaims } from '../jwt.ts';

export type Extension = 'broadcast' | 'presence';

/** Who asks, about which topic: what Realtime puts into the probe transaction's settings. */
export interface AuthContext {
  /** Channel name without the `realtime:` prefix, as `realtime.topic()` returns it. */
  subTopic: string;
  claims: JwtClaims;
  /** Upgrade request headers (lower-case names), exposed as `request.headers`. */
  headers: Record<string, string>;
}

/**
 * Private-channel authorisation exactly as hosted Realtime does it (contract §2.7): RLS policies on
 * `realtime.messages` decide, probed inside a transaction that is always rolled back, so nothing is
 * ever written and no policy needs to know it is being probed.
 */
export class ChannelAuthorizer {
  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  /** Read: probe rows inserted with privilege, then looked for as the user. */
  async canRead(ctx: AuthContext, extensions: Extension[]): Promise<Record<Extension, boolean>> {
    const result: Record<Extension, boolean> = { broadcast: false, presence: false };
    if (extensions.length === 0) return result;
    await this.inRolledBackTx(async (client) => {
      const probes = await client.query<{ id: string; extension: Extension }>(
        `insert into realtime.messages (topic, extension, private)
         select $1, e, true from unnest($2::text[]) as e
         returning id, extension`,
        [ctx.subTopic, extensions],
      );
      await this.becomeUser(client, ctx);
      const seen = await client.query<{ extension: Extension }>(
        'select extension from realtime.messages where topic = $1 and id = any($2::uuid[])',
        [ctx.subTopic, probes.rows.map((r) => r.id)],
      );
      for (const row of seen.rows) result[row.extension] = true;
    }, 'read');
    return result;
  }

  /** Write: an INSERT as the user; 42501 (RLS refusal) means no. */
  async canWrite(ctx: AuthContext, extension: Extension): Promise<boolean> {
    let allowed = false;
    await this.inRolledBackTx(async (client) => {
      await this.becomeUser(client, ctx);
      await client.query('insert into realtime.messages (topic, extension, private) values ($1, $2, true)', [
        ctx.subTopic,
        extension,
      ]);
      allowed = true;
    }, 'write');
    return allowed;
  }

  private async becomeUser(client: pg.PoolClient, ctx: AuthContext): Promise<void> {
    const role = String(ctx.claims.role);
    await client.query(
      `select set_config('role', $1, true),
              set_config('realtime.topic', $2, true),
              set_config('request.jwt.claims', $3, true),
              set_config('request.jwt.claim.sub', $4, true),
              set_config('request.jwt.claim.role', $1, true),
              set_config('request.headers', $5, true)`,
      [role, ctx.subTopic, JSON.stringify(ctx.claims), String(ctx.claims.sub ?? ''), JSON.stringify(ctx.headers)],
    );
  }

  /** Any error (unknown role, policy raising, RLS refusal) counts as "not allowed", never as a crash. */
  private async inRolledBackTx(work: (client: pg.PoolClient) => Promise<void>, what: string): Promise<void> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      await work(client);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== '42501') this.log(`realtime: ${what} authorisation probe failed: ${(e as Error).message}`);
      broken = code === undefined;
    } finally {
      await client.query('rollback').catch(() => {
        broken = true;
      });
      client.release(broken);
    }
  }
}

/** The write check for one joined channel: public channels always may; private ones ask once. */
export function subscriptionMayWrite(
  authorizer: ChannelAuthorizer,
  sub: { isPrivate: boolean; subTopic: string; claims: JwtClaims; socket: { headers: Record<string, string> } },
  writeChecks: Map<Extension, Promise<boolean>>,
  extension: Extension,
): Promise<boolean> {
  if (!sub.isPrivate) return Promise.resolve(true);
  let check = writeChecks.get(extension);
  if (!check) {
    check = authorizer.canWrite({ subTopic: sub.subTopic, claims: sub.claims, headers: sub.socket.headers }, extension);
    writeChecks.set(extension, check);
  }
  return check;
}
