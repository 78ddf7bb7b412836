/**
 * The database role the application runs as, in a module of its own: the migrations create it and
 * `withScope` switches to it, and neither may import the other (migrations → audit-chain → scope).
 */

/** The role the application runs as: no BYPASSRLS, owns nothing, DML only. */
export const APP_ROLE = 'hoctap_app';
