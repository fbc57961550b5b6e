package dev.rocketmqtx.camel.test;

import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.ILoggingEvent;
import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.IThrowableProxy;
import org.apache.rocketmq.logging.ch.qos.logback.core.filter.Filter;
import org.apache.rocketmq.logging.ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the errors RocketMQ servers log about clients or servers that are shutting down, for RocketMQ's
 * shaded logback (see {@code rmq.logback-test.xml}). Tests stop consumers and brokers all the time, and
 * this noise would hide real errors.
 * <ul>
 * <li>A push consumer always has a pull request parked at the broker; about 15 s after the consumer
 * shuts down the broker answers it into the closed connection and logs four errors per queue: two with
 * a {@code ClosedChannelException} and, right after them on the same thread, dumps of the request and
 * the response ({@code "RemotingCommand [..."}). Dumps that follow any other error are kept.</li>
 * <li>A NameServer shutdown interrupts its unregistration thread, which logs the
 * {@code InterruptedException} as an error.</li>
 * </ul>
 */
public final class ShutdownNoiseLogFilter extends Filter<ILoggingEvent> {

    private static final String DUMP_PREFIX = "RemotingCommand [";
    private static final String UNREGISTRATION_THREAD = "BatchUnregistrationService";

    /** Whether the last error seen on this thread was a dropped closed-channel error or dump. */
    private static final ThreadLocal<Boolean> AFTER_CLOSED_CHANNEL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        boolean closedChannel = causedBy(event.getThrowableProxy(), "ClosedChannelException")
            || AFTER_CLOSED_CHANNEL.get() && message != null && message.startsWith(DUMP_PREFIX);
        AFTER_CLOSED_CHANNEL.set(closedChannel);
        boolean interruptedAtShutdown = event.getThreadName() != null
            && event.getThreadName().endsWith(UNREGISTRATION_THREAD)
            && causedBy(event.getThrowableProxy(), "InterruptedException");
        return closedChannel || interruptedAtShutdown ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean causedBy(IThrowableProxy throwable, String simpleClassName) {
        for (IThrowableProxy cause = throwable; cause != null; cause = cause.getCause()) {
            String className = cause.getClassName();
            if (className != null && className.endsWith(simpleClassName)) {
                return true;
            }
        }
        return false;
    }
}
