package dev.courier.application.dispatch;

import java.time.Instant;

/** A dispatch slot taken in a queue's calendar of the given epoch. */
record Reservation(Instant slot, long epoch) {}
