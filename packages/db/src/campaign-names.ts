/**
 * Migration 0012 (issue 11): a campaign's name and the communes it covers, and the registrations a
 * decision did not recognise. Existing campaigns are named from their title, year and locality
 * ("Công dân học tập năm 2018 — Phú Thọ") and cover their commune, if they have one; existing
 * decisions read what they did not recognise from their audit entry.
 */

/** How long a campaign's name may be (characters, after NFC and trimming). */
export const CAMPAIGN_NAME_MAX = 200;

/** The Vietnamese name of a campaign's title code. */
export const CAMPAIGN_TITLE_NAMES: Record<string, string> = {
  'learning-citizen': 'Công dân học tập',
  'learning-family': 'Gia đình học tập',
  'learning-clan': 'Dòng họ học tập',
  'learning-community': 'Cộng đồng học tập',
  'learning-unit': 'Đơn vị học tập',
};

const titleCase = Object.entries(CAMPAIGN_TITLE_NAMES)
  .map(([code, name]) => `WHEN '${code}' THEN '${name}'`)
  .join(' ');

/** The latest name of an administrative unit of `level` with the code in `col`, or NULL. */
const unitName = (level: string, col: string) =>
  `(SELECT u.name FROM administrative_units u WHERE u.level = '${level}' AND u.code = ${col} ORDER BY u.valid_from DESC LIMIT 1)`;

export const CAMPAIGN_NAME_COMMUNES_MIGRATION: string[] = [
  `ALTER TABLE campaigns ADD COLUMN name text`,
  `ALTER TABLE campaigns ADD COLUMN communes text[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE decisions ADD COLUMN not_recognised uuid[] NOT NULL DEFAULT '{}'`,
  // The existing rows are read and written across every province: row-level security is forced
  // on these tables, so the block runs as the national scope for its own transaction only.
  `DO $$ BEGIN
    PERFORM set_config('hoctap.role', 'national', true);
    UPDATE campaigns c SET
      name = left(
        (CASE c.title ${titleCase} ELSE c.title END) || ' năm ' || c.year || ' — '
          || coalesce(${unitName('commune', 'c.commune_code')} || ', ', CASE WHEN c.commune_code IS NULL THEN '' ELSE 'xã ' || c.commune_code || ', ' END)
          || coalesce(${unitName('province', 'c.province_code')}, 'tỉnh ' || c.province_code),
        ${CAMPAIGN_NAME_MAX}),
      communes = CASE WHEN c.commune_code IS NULL THEN '{}'::text[] ELSE ARRAY[c.commune_code] END;
    UPDATE decisions d SET not_recognised = coalesce((
      SELECT array_agg(DISTINCT x.id::uuid) FROM (
        SELECT jsonb_array_elements_text(a.payload -> 'notRecognised') AS id FROM audit_log a
          WHERE a.action = 'decision.create' AND a.subject_id = d.id AND jsonb_typeof(a.payload -> 'notRecognised') = 'array'
        UNION
        SELECT jsonb_array_elements_text(p.payload -> 'notRecognised') FROM audit_pending p
          WHERE p.action = 'decision.create' AND p.subject_id = d.id AND jsonb_typeof(p.payload -> 'notRecognised') = 'array'
      ) x), '{}');
    PERFORM set_config('hoctap.role', '', true);
  END $$`,
  `ALTER TABLE campaigns ALTER COLUMN name SET NOT NULL`,
  `ALTER TABLE campaigns ADD CONSTRAINT campaigns_name_check CHECK (name = normalize(name, NFC) AND name = btrim(name) AND char_length(name) BETWEEN 1 AND ${CAMPAIGN_NAME_MAX})`,
  `ALTER TABLE campaigns ADD CONSTRAINT campaigns_communes_check CHECK (array_position(communes, NULL) IS NULL AND (commune_code IS NULL OR cardinality(communes) = 0 OR communes = ARRAY[commune_code]))`,
  `CREATE INDEX campaigns_same_idx ON campaigns (province_code, year, title)`,
  // A row written without a name (scripts, benchmarks; the application always names it) is named
  // from its title, year and locality codes.
  `CREATE FUNCTION hoctap_campaign_name() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NEW.name IS NULL THEN
      NEW.name := left((CASE NEW.title ${titleCase} ELSE NEW.title END) || ' năm ' || NEW.year || ' — '
        || CASE WHEN NEW.commune_code IS NULL THEN '' ELSE 'xã ' || NEW.commune_code || ', ' END || 'tỉnh ' || NEW.province_code, ${CAMPAIGN_NAME_MAX});
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER campaigns_name BEFORE INSERT ON campaigns FOR EACH ROW EXECUTE FUNCTION hoctap_campaign_name()`,
];
