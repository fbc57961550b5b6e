package dev.rocketmqtx.camel.support;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.apache.rocketmq.common.message.MessageConst;

/**
 * Keeps Camel's own headers (and this component's) out of message user properties, and RocketMQ's system
 * properties out of Camel headers: a user property named like a system property would be rejected by the client,
 * and system properties are already mapped to {@code CamelRocketMQTx*} headers.
 * <p>
 * Names match regardless of case. The matching looks the lower-cased name up in a lower-cased set rather than
 * comparing it with each of the ~70 system property names in turn (Camel's default for case-insensitive filters):
 * every consumed message carries several system properties, and that scan was half of the consumer's own CPU time.
 */
public class RocketMQTxHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    private static final Set<String> SYSTEM_PROPERTIES_LOWER_CASE = MessageConst.STRING_HASH_SET.stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    public RocketMQTxHeaderFilterStrategy() {
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setCaseInsensitive(false);
        setLowerCase(true);
        setOutFilter(SYSTEM_PROPERTIES_LOWER_CASE);
        setInFilter(SYSTEM_PROPERTIES_LOWER_CASE);
    }
}
