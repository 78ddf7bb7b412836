/** What `createApp` is built from (apart from app.ts, so that the request context can name it without a cycle). */
import type { Registry } from '@hoctap/core';
import type { Database } from '@hoctap/db';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';

/** What the app is built from. */
export interface AppDeps {
  /** The registered locality plugins and their checked frameworks. */
  readonly registry: Registry;
  /** The database, when there is one: its dialect and a liveness check. */
  readonly database?: { readonly dialect: string; ping(): Promise<boolean> };
  /** The version shown by /api/health. */
  readonly version?: string;
  /** Logs server errors (never personal data). */
  readonly logError?: (e: unknown, where: string) => void;
  /**
   * The database (a `DatabaseHandle` from `@hoctap/db` fits): enables sign-in and the resources
   * (people, campaigns, registrations, decisions, reports, audit). Without it those routes answer 503.
   */
  readonly db?: { readonly db: Kysely<Database>; readonly dialect: string };
  /** The 32-byte data key (hex or base64): citizen-id encryption and lookup hash, CSRF key. Required with `db`. */
  readonly dataKey?: string | Uint8Array;
  /** The clock: deadlines, session timeouts, rate limits, audit times. Default: the system clock. */
  readonly now?: () => Date;
  /** Secure cookies (`__Host-` prefix, `Secure`): default true; false only for plain-HTTP development and tests. */
  readonly secureCookies?: boolean;
  /** The caller's network address for rate limiting and audit, e.g. from `getConnInfo(c)` of the Node adapter. */
  readonly clientAddress?: (c: Context) => string | undefined;
  /**
   * The portal's public origin, e.g. `https://hoctap.example.vn`: printed in certificates' QR codes
   * and signed into credentials (issuer url, status list). Never taken from the request's Host.
   * Default `http://localhost:3000`.
   */
  readonly publicUrl?: string;
  /** Called when a background job is queued (the server wakes its job worker). */
  readonly onJobQueued?: () => void;
  /** Staff accounts must enrol TOTP at their next sign-in (server config `HOCTAP_REQUIRE_MFA=1`). Default false. */
  readonly requireMfa?: boolean;
  /**
   * How long a session read from the database is reused by this process (ms; default 0: read on
   * every request). Revocations and account changes made through the API clear it at once; one
   * made by another server process is seen within this time.
   */
  readonly sessionCacheMs?: number;
}
