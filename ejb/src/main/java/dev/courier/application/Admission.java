package dev.courier.application;

/**
 * What a queue's limits say about a message that has arrived: go now; come back at a reserved
 * slot; wait (in the database) for a free concurrency slot; or be held in the database until the
 * promoter finds the queue a slot.
 */
record Admission(Kind kind, Reservation reservation) {

    enum Kind { ADMITTED, DEFERRED, FULL, HOLD }

    static final Admission ADMITTED = new Admission(Kind.ADMITTED, null);
    static final Admission FULL = new Admission(Kind.FULL, null);
    static final Admission HOLD = new Admission(Kind.HOLD, null);

    static Admission deferred(Reservation reservation) {
        return new Admission(Kind.DEFERRED, reservation);
    }
}
