package dev.rocketmqtx.camel.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.ILoggingEvent;
import org.apache.rocketmq.logging.ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.apache.rocketmq.logging.ch.qos.logback.core.AppenderBase;

/**
 * Keeps every log line of the JVM in memory, with stack traces: those of the application's logging (Camel and the
 * component, through SLF4J to Log4j 2) and those of RocketMQ's clients and servers, which log through their own
 * shaded logback. Lowers the levels of the component (to DEBUG) and of RocketMQ (to INFO) so that more is seen than
 * a production configuration would show.
 * <p>
 * Camel's own DEBUG logging stays off: in Camel 4.22 it prints resolved property placeholder values and route
 * definitions with their {@code from(...)} URIs unmasked, whatever the component does.
 */
final class LogCapture {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.captureLog4j();
        capture.captureRocketMQ();
        return capture;
    }

    List<String> lines() {
        return lines;
    }

    private void captureLog4j() {
        AbstractAppender appender = new AbstractAppender("log-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLoggerName() + " " + event.getMessage().getFormattedMessage()
                          + stackTrace(event.getThrown()));
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(appender);
        configuration.getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        Configurator.setLevel("dev.rocketmqtx", Level.DEBUG);
    }

    private void captureRocketMQ() {
        org.apache.rocketmq.logging.ch.qos.logback.classic.LoggerContext context =
                (org.apache.rocketmq.logging.ch.qos.logback.classic.LoggerContext)
                        org.apache.rocketmq.logging.org.slf4j.LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String stackTrace = event.getThrowableProxy() == null
                        ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + stackTrace);
            }
        };
        appender.setContext(context);
        appender.start();
        org.apache.rocketmq.logging.ch.qos.logback.classic.Logger root =
                context.getLogger(org.apache.rocketmq.logging.ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(org.apache.rocketmq.logging.ch.qos.logback.classic.Level.INFO);
    }

    static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return "\n" + text;
    }
}
