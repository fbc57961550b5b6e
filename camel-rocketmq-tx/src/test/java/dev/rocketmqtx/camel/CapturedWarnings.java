package dev.rocketmqtx.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The warnings one class logs while it is open. */
public final class CapturedWarnings implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final AbstractAppender appender;

    private CapturedWarnings(Class<?> source) {
        logger = (Logger) LogManager.getLogger(source);
        appender = new AbstractAppender("captured-warnings-" + source.getSimpleName(), null, null, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    messages.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        logger.addAppender(appender);
    }

    public static CapturedWarnings of(Class<?> source) {
        return new CapturedWarnings(source);
    }

    public List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
