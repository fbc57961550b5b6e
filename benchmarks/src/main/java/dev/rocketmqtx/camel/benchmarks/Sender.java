package dev.rocketmqtx.camel.benchmarks;

/** One contender of the producer rounds: sends one message and returns when the broker has it (and it committed). */
interface Sender extends AutoCloseable {

    /** The contender's letter (a, b, c, d): names its sending threads, so that a profile can tell them apart. */
    String id();

    String name();

    /** Sends the body synchronously; throws when the message was not stored (or not committed). */
    void send(byte[] body) throws Exception;

    @Override
    void close() throws Exception;
}
