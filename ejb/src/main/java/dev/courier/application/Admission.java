package dev.courier.application;

import java.time.Instant;

/** What a queue's limits say about a due dispatch: go now, come back at a slot, or wait for a free slot. */
record Admission(Kind kind, Instant until) {

    enum Kind { ADMITTED, DEFERRED, FULL }

    static final Admission ADMITTED = new Admission(Kind.ADMITTED, null);
    static final Admission FULL = new Admission(Kind.FULL, null);

    static Admission deferredUntil(Instant until) {
        return new Admission(Kind.DEFERRED, until);
    }
}
