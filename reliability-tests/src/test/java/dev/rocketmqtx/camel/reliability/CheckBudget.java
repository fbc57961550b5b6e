package dev.rocketmqtx.camel.reliability;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.common.BrokerConfig;

/**
 * Raises the shared test broker's transactionCheckMax for the duration of one test, then restores it. The broker reads
 * the setting at every check round.
 * <p>
 * Why: the test broker checks every second, so the default of 15 checks is used up 15 s after a half message was born;
 * then the broker parks it in TRANS_CHECK_MAX_TIME_TOPIC, never delivered. Every round counts, also those answered
 * UNKNOWN by a producer hanging in its crash window and those with no producer of the group online. A kill test needs
 * the dead JVM's sends, the kill and a new instance's start to fit in that budget; on a loaded machine they took 18 s
 * (20 half messages parked, none delivered). A production broker's budget is 15 rounds of 60 s.
 */
final class CheckBudget implements AutoCloseable {

    private final BrokerConfig config;
    private final int previous;

    private CheckBudget(BrokerConfig config, int checkMax) {
        this.config = config;
        this.previous = config.getTransactionCheckMax();
        config.setTransactionCheckMax(checkMax);
    }

    /** 60 rounds: as the killable broker of {@link RocketMQProcesses}, a minute on the test broker. */
    static CheckBudget raiseForKillTest(EmbeddedRocketMQ broker) {
        return new CheckBudget(broker.broker().getBrokerConfig(), 60);
    }

    @Override
    public void close() {
        config.setTransactionCheckMax(previous);
    }
}
