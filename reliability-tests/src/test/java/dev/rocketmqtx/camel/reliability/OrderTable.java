package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The business data of the local transactions: an ORDERS table in an H2 file database, which another JVM sees once the
 * first one is gone. WRITE_DELAY=0 makes a commit reach the file at once, so a SIGKILL right after it loses nothing
 * (H2's default delay of 500 ms would lose recent commits with the process).
 */
final class OrderTable {

    private final String url;

    static OrderTable at(Path file) {
        return new OrderTable("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
    }

    static OrderTable at(String url) {
        return new OrderTable(url);
    }

    private OrderTable(String url) {
        this.url = url;
    }

    /**
     * The same table, with the database kept open in this JVM between connections (and so locked for other JVMs).
     * For the check: reopening the file for every check made checks slow (0.4 s under load), slow enough for the
     * broker to check the same half message again, and every extra COMMIT answer is one more delivery.
     */
    OrderTable keptOpen() {
        return new OrderTable(url + ";DB_CLOSE_DELAY=-1");
    }

    String url() {
        return url;
    }

    void create() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS ORDERS (ORDER_ID VARCHAR(64) PRIMARY KEY,"
                              + " TX_ID VARCHAR(64) NOT NULL)");
        }
    }

    /** Inserts the order in one database transaction and commits it, or rolls it back when {@code commit} is false. */
    void insert(String orderId, String transactionId, boolean commit) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ORDERS VALUES (?, ?)")) {
                insert.setString(1, orderId);
                insert.setString(2, transactionId);
                insert.executeUpdate();
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        }
    }

    /** The check's question: did the local transaction with this id commit? */
    boolean committed(String transactionId) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM ORDERS WHERE TX_ID = ?")) {
            query.setString(1, transactionId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Every committed order: order id to transaction id. */
    Map<String, String> all() throws SQLException {
        Map<String, String> orders = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ORDER_ID, TX_ID FROM ORDERS")) {
            while (rows.next()) {
                orders.put(rows.getString(1), rows.getString(2));
            }
        }
        return orders;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }
}
