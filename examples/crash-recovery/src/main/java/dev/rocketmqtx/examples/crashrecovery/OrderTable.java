package dev.rocketmqtx.examples.crashrecovery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The order table in a file database that every instance of the service opens, one after the other. */
public class OrderTable {

    private final String jdbcUrl;

    public OrderTable(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** A file database under the folder; the write delay is off so that a commit is on disk when it returns. */
    public static String jdbcUrl(java.nio.file.Path folder) {
        return "jdbc:h2:file:" + folder.resolve("orders").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public void createTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists orders (id varchar(40) primary key, item varchar(40))");
        }
    }

    /** Inserts the order in its own database transaction and commits it. */
    public void insert(String orderId, String item) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into orders (id, item) values (?, ?)")) {
                insert.setString(1, orderId);
                insert.setString(2, item);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    public int count(String orderId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement query = connection.prepareStatement("select count(*) from orders where id = ?")) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
