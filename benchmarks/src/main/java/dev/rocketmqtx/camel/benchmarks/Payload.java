package dev.rocketmqtx.camel.benchmarks;

import java.util.Random;

/** Message bodies: fixed-size, not compressible into nothing, the same for every contender. */
final class Payload {

    private Payload() {
    }

    static byte[] of(int size) {
        byte[] body = new byte[size];
        new Random(42).nextBytes(body);
        return body;
    }
}
