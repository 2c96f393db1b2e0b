package io.schedulr.testsupport;

import io.schedulr.testsupport.infra.InfraEndpoints;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One open JDBC connection (autocommit) per thread and database of the test infrastructure, for tests that look at a
 * service's tables as an operator with psql would. Opening a connection for every query made PostgreSQL start a backend
 * each time: the bad-input table, which counts ten tables before and after each of its 229 requests, spent most of its
 * minute on that. Callers close their statements, never the connection; a closed one is opened again (the tests never stop
 * PostgreSQL, so a broken one is not looked for).
 */
public final class TestConnections {
    private static final ThreadLocal<Map<String, Connection>> OPEN = ThreadLocal.withInitial(HashMap::new);

    private TestConnections() {
    }

    public static Connection to(String database) throws SQLException {
        Map<String, Connection> open = OPEN.get();
        Connection connection = open.get(database);
        if (connection == null || connection.isClosed()) {
            InfraEndpoints e = TestInfra.get();
            connection = DriverManager.getConnection(e.jdbcUrl(database), e.postgresUser(), e.postgresPassword());
            open.put(database, connection);
        }
        return connection;
    }
}
