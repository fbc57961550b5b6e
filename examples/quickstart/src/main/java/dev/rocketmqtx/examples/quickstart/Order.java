package dev.rocketmqtx.examples.quickstart;

import java.util.ArrayList;
import java.util.List;

/**
 * An order placed with the service. {@code mishap} is what the demo makes go wrong while saving it, so that every
 * path of a transactional message shows up in one run.
 */
public record Order(String id, String item, int quantity, Mishap mishap) {

    public enum Mishap {
        /** Saved and committed normally. */
        NONE,
        /**
         * The row and its transaction log entry are committed, but the producer's COMMIT never reaches the broker: the
         * check must find the entry.
         */
        COMMIT_ANSWER_LOST,
        /**
         * The database connection breaks while committing: nothing is committed, and the service cannot tell. The
         * check must find no entry and, once the transaction can no longer be running, roll it back.
         */
        CONNECTION_LOST_ON_COMMIT
    }

    /** The message body: what the shipping service needs to know. */
    public String toBody() {
        return id + "," + item + "," + quantity;
    }

    /** The 20 orders of the demo: 14 fine, 3 invalid, 2 with a lost COMMIT, 1 with a connection lost on commit. */
    public static List<Order> demoOrders() {
        List<Order> orders = new ArrayList<>();
        String[] items = {"kayak", "paddle", "tent", "lantern", "stove"};
        for (int i = 1; i <= 20; i++) {
            String id = String.format("order-%02d", i);
            String item = items[i % items.length];
            int quantity = switch (i) {
                case 4, 11, 17 -> 0;       // invalid: fails validation, rolled back
                default -> 1 + i % 3;
            };
            Mishap mishap = switch (i) {
                case 6, 14 -> Mishap.COMMIT_ANSWER_LOST;
                case 9 -> Mishap.CONNECTION_LOST_ON_COMMIT;
                default -> Mishap.NONE;
            };
            orders.add(new Order(id, item, quantity, mishap));
        }
        return orders;
    }
}
