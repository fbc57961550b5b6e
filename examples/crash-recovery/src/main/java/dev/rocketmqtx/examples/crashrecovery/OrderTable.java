package dev.rocketmqtx.examples.crashrecovery;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order table in a file database that every instance of the service opens, one after the other. Spring's
 * JdbcTemplate: an insert joins the database transaction of the calling thread, the one the component opens around
 * the local transaction, so the row and the transaction log entry commit together.
 */
public class OrderTable {

    private final JdbcTemplate jdbc;

    public OrderTable(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A file database under the folder; the write delay is off so that a commit is on disk when it returns. */
    public static String jdbcUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("orders").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public static DataSource dataSource(String jdbcUrl) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(jdbcUrl);
        return dataSource;
    }

    public void createTable() {
        jdbc.execute("create table if not exists orders (id varchar(40) primary key, item varchar(40))");
    }

    /** Inserts the order in the current transaction; it is durable once that transaction commits. */
    public void insert(String orderId, String item) {
        jdbc.update("insert into orders (id, item) values (?, ?)", orderId, item);
    }

    public int count(String orderId) {
        return jdbc.queryForObject("select count(*) from orders where id = ?", Integer.class, orderId);
    }
}
