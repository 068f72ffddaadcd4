package dev.courier.domain;

import java.security.SecureRandom;

/** Generates the ID of a task created without a name: 20 random decimal digits, as Cloud Tasks does. */
public final class TaskIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TaskIds() {}

    public static String next() {
        StringBuilder id = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            id.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return id.toString();
    }
}
