package com.salesaffairs.reporting.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The PostgreSQL side of a rebuild: fresh, empty copies of the read-model tables in
 * {@value ProjectionRebuildGate#REBUILD_SCHEMA} (same columns, defaults, checks, keys, indexes and
 * foreign keys, under the same names, so that the swapped-in tables are indistinguishable from what
 * Flyway made), a private {@code inbox_event} for the replay's own duplicate check, and the swap.
 * <p>
 * Read-model tables are found by convention: every table of {@code public} whose name contains
 * {@code _fact} ({@code sales_fact}, {@code sales_fact_line}, {@code target_month_fact}...). A new read
 * model must follow it to be rebuilt.
 */
@ApplicationScoped
public class ProjectionRebuildSchema {
    static final String RETIRED_SCHEMA = "read_model_retired";
    private static final String NEXT = ProjectionRebuildGate.REBUILD_SCHEMA;

    private final EntityManager em;

    public ProjectionRebuildSchema(EntityManager em) {
        this.em = em;
    }

    /** The read-model tables, in name order. */
    @SuppressWarnings("unchecked")
    public List<String> tables() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT CAST(table_name AS text) FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name LIKE '%\\_fact%'
                ORDER BY table_name""").getResultList());
    }

    /** Drops what a failed rebuild left and creates the empty copies. */
    public void prepare(List<String> tables) {
        QuarkusTransaction.requiringNew().run(() -> {
            execute("SET LOCAL search_path TO public");
            execute("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE");
            execute("CREATE SCHEMA " + NEXT);
            for (String table : tables) {
                // Indexes and key constraints below, under their own names (LIKE would rename them).
                execute("CREATE TABLE " + NEXT + "." + table + " (LIKE public." + table
                        + " INCLUDING ALL EXCLUDING INDEXES)");
            }
            execute("CREATE TABLE " + NEXT + ".inbox_event (LIKE public.inbox_event INCLUDING ALL)");
            for (String table : tables) {
                for (Object[] c : rows("""
                        SELECT CAST(conname AS text), pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = CAST(:table AS regclass) AND contype IN ('p', 'u', 'x') ORDER BY conname""",
                        table)) {
                    execute("ALTER TABLE " + NEXT + "." + table + " ADD CONSTRAINT " + quote(c[0]) + " " + c[1]);
                }
                for (Object[] i : rows("""
                        SELECT CAST(CAST(i.indexrelid AS regclass) AS text), pg_get_indexdef(i.indexrelid) FROM pg_index i
                        WHERE i.indrelid = CAST(:table AS regclass)
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                        ORDER BY 1""", table)) {
                    // "CREATE INDEX name ON public.table USING ..." -> the same index on the copy
                    String def = (String) i[1];
                    String qualified = " ON public." + table + " ";
                    execute(def.contains(qualified) ? def.replace(qualified, " ON " + NEXT + "." + table + " ")
                            : def.replace(" ON " + table + " ", " ON " + NEXT + "." + table + " "));
                }
            }
            // Foreign keys last: they name tables unqualified (search_path = public), which must then mean the copies.
            List<String[]> foreignKeys = new java.util.ArrayList<>();
            for (String table : tables) {
                for (Object[] c : rows("""
                        SELECT CAST(conname AS text), pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = CAST(:table AS regclass) AND contype = 'f' ORDER BY conname""", table)) {
                    foreignKeys.add(new String[] { table, (String) c[0], (String) c[1] });
                }
            }
            execute("SET LOCAL search_path TO " + NEXT);
            for (String[] fk : foreignKeys) {
                execute("ALTER TABLE " + NEXT + "." + fk[0] + " ADD CONSTRAINT " + quote(fk[1]) + " " + fk[2]);
            }
        });
    }

    /** Fresh statistics for the copies, so the first report after the swap is planned well. */
    public void analyze(List<String> tables) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : tables) {
                execute("ANALYZE " + NEXT + "." + table);
            }
        });
    }

    /**
     * Swaps the copies in, in the caller's transaction (which holds the exclusive advisory lock): the
     * public tables move to a retired schema, the copies to public, and the retired ones are dropped.
     * Moving a table changes nothing of its OID-based dependents; PostgreSQL invalidates the cached plans
     * of prepared statements that used the moved tables, so they are planned again against the new ones.
     */
    public void swap(List<String> tables) {
        execute("DROP SCHEMA IF EXISTS " + RETIRED_SCHEMA + " CASCADE");
        execute("CREATE SCHEMA " + RETIRED_SCHEMA);
        for (String table : tables) {
            execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED_SCHEMA);
        }
        for (String table : tables) {
            execute("ALTER TABLE " + NEXT + "." + table + " SET SCHEMA public");
        }
        execute("DROP SCHEMA " + RETIRED_SCHEMA + " CASCADE");
        execute("DROP SCHEMA " + NEXT + " CASCADE");
    }

    /**
     * Every public read-model table locked at once, in name order, in the caller's transaction (its
     * lock_timeout bounds the wait): the swap then waits for nothing table by table.
     */
    public void lockAll(List<String> tables) {
        List<String> sorted = tables.stream().sorted().map(t -> "public." + t).toList();
        if (!sorted.isEmpty()) {
            execute("LOCK TABLE " + String.join(", ", sorted) + " IN ACCESS EXCLUSIVE MODE");
        }
    }

    /** Removes a failed rebuild's copies; the public tables were never touched. */
    public void discard() {
        QuarkusTransaction.requiringNew().run(() -> execute("DROP SCHEMA IF EXISTS " + NEXT + " CASCADE"));
    }

    private void execute(String sql) {
        em.createNativeQuery(sql).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String table) {
        return em.createNativeQuery(sql).setParameter("table", "public." + table).getResultList();
    }

    private static String quote(Object identifier) {
        return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
    }
}
