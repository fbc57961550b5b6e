package dev.rocketmqtx.camel.support;

import org.apache.rocketmq.client.Validators;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.topic.TopicValidator;

/**
 * RocketMQ's naming rules, checked when an endpoint is created so that a bad name fails the route at start-up
 * with the option named, instead of failing the first message.
 */
public final class NameValidation {

    private NameValidation() {
    }

    public static void checkTopic(String topic) {
        try {
            Validators.checkTopic(topic);
        } catch (MQClientException e) {
            throw new IllegalArgumentException("Invalid topic '" + topic + "': " + e.getErrorMessage(), e);
        }
    }

    /**
     * System topics can be consumed (an operator reads TRANS_CHECK_MAX_TIME_TOPIC to recover transactions the
     * broker gave up on) but never sent to.
     */
    public static void checkSendableTopic(String topic) {
        if (TopicValidator.isSystemTopic(topic) || TopicValidator.isNotAllowedSendTopic(topic)) {
            throw new IllegalArgumentException("Invalid topic '" + topic + "' for a producer: it is a RocketMQ system"
                                               + " topic");
        }
    }

    public static void checkGroup(String option, String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("Option " + option + " is required");
        }
        try {
            Validators.checkGroup(group);
        } catch (MQClientException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + group + "': " + e.getErrorMessage(), e);
        }
    }
}
