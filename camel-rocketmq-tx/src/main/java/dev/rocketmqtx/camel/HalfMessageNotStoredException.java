package dev.rocketmqtx.camel;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;

/**
 * The broker did not store the half message, so the local transaction was not run and nothing was committed. Safe
 * to redeliver with Camel's error handler.
 */
public class HalfMessageNotStoredException extends CamelExchangeException {

    public HalfMessageNotStoredException(String message, Exchange exchange, Throwable cause) {
        super(message, exchange, cause);
    }
}
