package dev.rocketmqtx.examples.quickstart;

import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order table, with Spring's JdbcTemplate: an insert joins the database transaction of the calling thread, which
 * is the one the component opens around the local transaction, so the row and the transaction log entry commit
 * together.
 */
public class OrderRepository {

    private final JdbcTemplate jdbc;

    public OrderRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createTable() {
        jdbc.execute("create table if not exists orders ("
                     + "id varchar(40) primary key, item varchar(40) not null, quantity int not null)");
    }

    /** Inserts the order in the current transaction; it is durable once that transaction commits. */
    public void insert(Order order) {
        jdbc.update("insert into orders (id, item, quantity) values (?, ?, ?)", order.id(), order.item(),
                order.quantity());
    }

    public Set<String> ids() {
        return new TreeSet<>(jdbc.queryForList("select id from orders", String.class));
    }
}
