package dev.rocketmqtx.camel;

import java.util.List;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A real database for tests: an in-memory H2 with an orders table, its Spring transaction manager, and JDBC
 * idempotent repositories (camel-sql) on the same DataSource.
 */
public final class OrderDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactionManager;

    public OrderDatabase(String name) {
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table orders (id varchar(64) primary key)");
        transactionManager = new DataSourceTransactionManager(dataSource);
    }

    public JdbcDataSource dataSource() {
        return dataSource;
    }

    public DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    /** A JDBC repository on this database, named {@code processorName}. */
    public JdbcMessageIdRepository repository(String processorName) {
        return new JdbcMessageIdRepository(dataSource, processorName);
    }

    /** Inserts an order row in the transaction of the calling thread, if any. */
    public void insertOrder(String id) {
        jdbc.update("insert into orders (id) values (?)", id);
    }

    public boolean hasOrder(String id) {
        List<String> ids = jdbc.queryForList("select id from orders where id = ?", String.class, id);
        return !ids.isEmpty();
    }

    /** Whether the repository {@code processorName} holds {@code key}. */
    public boolean logged(String processorName, String key) {
        Integer count = jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED where processorName = ? and"
                                            + " messageId = ?", Integer.class, processorName, key);
        return count != null && count > 0;
    }
}
