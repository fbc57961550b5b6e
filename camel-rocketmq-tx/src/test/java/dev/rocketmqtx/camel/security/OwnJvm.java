package dev.rocketmqtx.camel.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that runs in a JVM of its own (the surefire execution {@code own-jvm-tests}): it changes JVM-wide
 * state, such as RocketMQ's TLS settings, which are system properties read into static fields, or starts a broker
 * that would otherwise outlive it, since a broker shutdown takes 10 to 18 s. The JVM's exit ends the broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OwnJvm.TAG)
public @interface OwnJvm {

    String TAG = "own-jvm";
}
