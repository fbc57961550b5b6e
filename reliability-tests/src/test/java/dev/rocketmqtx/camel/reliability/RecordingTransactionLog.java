package dev.rocketmqtx.camel.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * camel-sql's JDBC repository, unchanged, that also notes each lookup ({@code contains}) and its result. As a
 * transactionLog it is consulted by every check that neither finds the transaction in flight nor remembers its
 * outcome: the lookups of a transaction id are the checks this instance answered from the log, and when.
 */
final class RecordingTransactionLog extends JdbcMessageIdRepository {

    /** One lookup: the key, when it returned (epoch millis), and whether the key was there. */
    record Lookup(String key, long at, boolean found) {
    }

    private final List<Lookup> lookups = new CopyOnWriteArrayList<>();

    RecordingTransactionLog(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
    }

    @Override
    public boolean contains(String key) {
        boolean found = super.contains(key);
        lookups.add(new Lookup(key, System.currentTimeMillis(), found));
        return found;
    }

    List<Lookup> lookupsOf(String key) {
        return lookups.stream().filter(lookup -> lookup.key().equals(key)).toList();
    }
}
