import { sql, type Kysely } from 'kysely';

/**
 * The workflow around the machine (issue 12): a history row's details (the five checks confirmed at
 * sign-off, a claim's new holder, a photo's change), and comments (批注), which are not steps of
 * the machine: they change neither the item nor its version, so they live beside the history and
 * are merged into the item's timeline when it is read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE item_history ADD COLUMN details jsonb;

    CREATE TABLE item_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order comments were written in (their times may be equal).
      n bigint GENERATED ALWAYS AS IDENTITY,
      item_id uuid NOT NULL REFERENCES items (id),
      -- The item's version (the seq of its last history row) when the comment was written.
      after_seq int NOT NULL,
      state text NOT NULL,
      author_id uuid NOT NULL REFERENCES users (id),
      author_name text NOT NULL,
      author_role text NOT NULL,
      text text NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX item_comments_item_idx ON item_comments (item_id, n);

    -- Reordering photos moves positions past each other: the uniqueness may wait for the commit.
    ALTER TABLE item_images DROP CONSTRAINT item_images_item_id_position_key,
      ADD CONSTRAINT item_images_item_id_position_key UNIQUE (item_id, position) DEFERRABLE INITIALLY IMMEDIATE;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE item_images DROP CONSTRAINT item_images_item_id_position_key,
      ADD CONSTRAINT item_images_item_id_position_key UNIQUE (item_id, position);
    DROP TABLE item_comments;
    ALTER TABLE item_history DROP COLUMN details;
  `.execute(db);
}
