import { sql, type Kysely } from 'kysely';

/** Photos of an item: their facts are measured from the bytes at upload; the bytes live in the image store. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE item_images (
      id uuid PRIMARY KEY,
      item_id uuid NOT NULL REFERENCES items (id),
      position int NOT NULL CHECK (position BETWEEN 1 AND 3),
      storage_key text NOT NULL,
      mime text NOT NULL,
      width int NOT NULL,
      height int NOT NULL,
      bytes int NOT NULL,
      sha256 text NOT NULL,
      caption text,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      -- At most three photos, enforced by the database as well: a concurrent fourth upload loses.
      UNIQUE (item_id, position)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE item_images`.execute(db);
}
