import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * A table of the hub's own beside Strapi's (claims, budgets, deliveries), made on first use.
 * Returns the function that makes sure it exists: it asks the database once per process (a
 * failure is asked again next time), and when another CMS instance creates the table at the same
 * moment, its error is taken for success as long as the table is there afterwards.
 */
export function ownTable(
  strapi: Core.Strapi,
  name: string,
  define: (table: Knex.CreateTableBuilder) => void,
): () => Promise<void> {
  let ready: Promise<void> | undefined;
  const create = async () => {
    const schema = () => strapi.db.getSchemaConnection();
    if (await schema().hasTable(name)) return;
    try {
      await schema().createTable(name, define);
    } catch (error) {
      // Another instance was first.
      if (!(await schema().hasTable(name))) throw error;
    }
  };
  return () => {
    ready ??= create().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
}
