package dev.rocketmqtx.example.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Takes orders: each order is saved in the database and announced on the {@code orders} topic by a RocketMQ
 * transactional message, so that shipping learns of exactly the orders the database kept.
 */
@SpringBootApplication
public class OrderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderApplication.class, args);
    }
}
