package dev.courier.application.dispatch;

/**
 * What a queue's limits say about a message that has arrived: go now; come back at a reserved
 * slot; wait (in the database) for room in flight; or be held in the database until the promoter
 * finds the queue a slot.
 */
record Admission(Kind kind, Reservation reservation) {

    enum Kind {
        ADMITTED,
        DEFERRED,
        WAIT,
        HOLD
    }

    static final Admission ADMITTED = new Admission(Kind.ADMITTED, null);
    static final Admission WAIT = new Admission(Kind.WAIT, null);
    static final Admission HOLD = new Admission(Kind.HOLD, null);

    static Admission deferred(Reservation reservation) {
        return new Admission(Kind.DEFERRED, reservation);
    }
}
