package dev.rocketmqtx.camel.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The shop's database as one application instance sees it: a connection pool, the Spring transaction manager that
 * {@code transacted()}, the producer's transactionLog and the consumer's idempotentRepository share, and the business
 * tables. ORDERS holds the orders whose local transaction committed (the producer's effect); SHIPMENTS one row per
 * shipment (the consumer's effect), with no unique key on purpose: a second shipment of an order is recorded, not
 * refused, so that a test can count it.
 */
final class ShopDatabase implements AutoCloseable {

    /** The processor name of the producer's transaction log in CAMEL_MESSAGEPROCESSED. */
    static final String TRANSACTION_LOG = "order-transactions";
    /** The processor name of the shipping consumer's idempotent repository. */
    static final String SHIPPED = "shipped-transactions";

    private final JdbcConnectionPool pool;
    private final JdbcTemplate jdbc;
    private final DataSourceTransactionManager transactionManager;

    private ShopDatabase(String url, int maxConnections) {
        pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(maxConnections);
        jdbc = new JdbcTemplate(pool);
        transactionManager = new DataSourceTransactionManager(pool);
    }

    /** Connects, creating the tables if this is the first instance. */
    static ShopDatabase connect(String url) {
        return connect(url, 16);
    }

    static ShopDatabase connect(String url, int maxConnections) {
        ShopDatabase database = new ShopDatabase(url, maxConnections);
        database.createTables();
        return database;
    }

    private void createTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS ORDERS (ORDER_ID VARCHAR(64) PRIMARY KEY, TX_ID VARCHAR(64) NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS SHIPMENTS (ID BIGINT AUTO_INCREMENT PRIMARY KEY,"
                     + " ORDER_ID VARCHAR(64) NOT NULL)");
        // camel-sql's own table, created here so that no two JVMs race to create it on their repositories' start.
        jdbc.execute("CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
                     + " messageId VARCHAR(100), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
    }

    DataSource dataSource() {
        return pool;
    }

    DataSourceTransactionManager transactionManager() {
        return transactionManager;
    }

    /** camel-sql's JDBC repository on this pool, so that its writes join the transaction manager's transactions. */
    JdbcMessageIdRepository repository(String processorName) {
        return new JdbcMessageIdRepository(pool, processorName);
    }

    /** Inserts an order row in the calling thread's transaction (a route under transacted(), say). */
    void insertOrder(String orderId, String transactionId) {
        jdbc.update("INSERT INTO ORDERS (ORDER_ID, TX_ID) VALUES (?, ?)", orderId, transactionId);
    }

    /** Inserts a shipment row in the calling thread's transaction. */
    void insertShipment(String orderId) {
        jdbc.update("INSERT INTO SHIPMENTS (ORDER_ID) VALUES (?)", orderId);
    }

    /** Committed orders: order id to transaction id. */
    Map<String, String> orders() {
        Map<String, String> orders = new HashMap<>();
        jdbc.query("SELECT ORDER_ID, TX_ID FROM ORDERS", rows -> {
            orders.put(rows.getString(1), rows.getString(2));
        });
        return orders;
    }

    /** Committed shipments: order id to the number of shipment rows. */
    Map<String, Integer> shipments() {
        Map<String, Integer> shipments = new HashMap<>();
        jdbc.query("SELECT ORDER_ID, COUNT(*) FROM SHIPMENTS GROUP BY ORDER_ID", rows -> {
            shipments.put(rows.getString(1), rows.getInt(2));
        });
        return shipments;
    }

    /** Whether the repository {@code processorName} holds {@code key} (committed). */
    boolean holds(String processorName, String key) {
        List<Integer> found = jdbc.queryForList("SELECT 1 FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND"
                                                + " messageId = ?", Integer.class, processorName, key);
        return !found.isEmpty();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
