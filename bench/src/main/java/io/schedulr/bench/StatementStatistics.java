package io.schedulr.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What PostgreSQL ran during one measured run, from {@code pg_stat_statements} over every database
 * ({@code -Dbench.statements=true}): calls, execution and planning time per booking, the most expensive first.
 * A diagnosis for the log, not a figure of the table.
 */
final class StatementStatistics {

    interface Database {
        Connection open(String database) throws Exception;
    }

    private final Database database;

    StatementStatistics(Database database) {
        this.database = database;
    }

    void reset() throws Exception {
        try (Connection c = database.open("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    void print(PrintStream out, String run, int operations) throws Exception {
        out.printf("statements of PostgreSQL during %s, per operation (%d operations), most time first:%n", run, operations);
        out.printf("  %-15s %8s %10s %10s %8s  %s%n", "database", "calls", "exec ms", "plan ms", "rows", "statement");
        String sql = """
                SELECT d.datname, s.calls, s.total_exec_time, s.total_plan_time, s.rows, s.query
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                ORDER BY s.total_exec_time + s.total_plan_time DESC LIMIT 30""";
        try (Connection c = database.open("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String query = rs.getString(6).replaceAll("\\s+", " ");
                out.printf("  %-15s %8.2f %10.3f %10.3f %8.2f  %s%n", rs.getString(1), rs.getLong(2) / (double) operations,
                        rs.getDouble(3) / operations, rs.getDouble(4) / operations, rs.getLong(5) / (double) operations,
                        query.length() > 160 ? query.substring(0, 160) + "…" : query);
            }
        }
    }
}
