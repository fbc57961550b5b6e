package dev.rocketmqtx.examples.yaml;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The in-memory database of the example: the service's orders and the shipping service's shipments. */
public final class OrderDatabase {

    private OrderDatabase() {
    }

    /** A fresh database with both tables, as the DataSource the routes use under the name dataSource. */
    public static DataSource create(String name) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table orders (id varchar(40) primary key, quantity int not null)");
            statement.execute("create table shipments (order_id varchar(40) not null)");
        }
        return dataSource;
    }

    public static List<String> column(DataSource dataSource, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
