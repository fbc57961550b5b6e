package dev.rocketmqtx.camel.test;

import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.ILoggingEvent;
import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.IThrowableProxy;
import org.apache.rocketmq.logging.ch.qos.logback.core.filter.Filter;
import org.apache.rocketmq.logging.ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the errors a broker logs when it answers a client that has gone away, for RocketMQ's shaded
 * logback (used by {@code rmq.logback-test.xml}).
 *
 * <p>A push consumer always has a pull request parked at the broker; about 15 s after the consumer
 * shuts down the broker answers it into the closed connection and logs four errors per queue: two
 * with a {@code ClosedChannelException} and, right after them on the same thread, dumps of the request
 * and the response ({@code "RemotingCommand [..."}). In tests that stop consumers all the time, that
 * is noise hiding real errors. Dumps that follow any other error are kept.
 */
public final class ClosedChannelLogFilter extends Filter<ILoggingEvent> {

    private static final String DUMP_PREFIX = "RemotingCommand [";

    /** Whether the last error seen on this thread was one this filter dropped. */
    private static final ThreadLocal<Boolean> AFTER_DROPPED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        boolean drop = isClosedChannel(event.getThrowableProxy())
            || AFTER_DROPPED.get() && message != null && message.startsWith(DUMP_PREFIX);
        AFTER_DROPPED.set(drop);
        return drop ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean isClosedChannel(IThrowableProxy throwable) {
        for (IThrowableProxy cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause.getClassName() != null && cause.getClassName().endsWith("ClosedChannelException")) {
                return true;
            }
        }
        return false;
    }
}
