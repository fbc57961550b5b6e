package dev.rocketmqtx.camel.reliability;

/** How one transaction of {@link MixedLoadTest} ends: what its local transaction does and what the check answers. */
enum Outcome {
    /** The local transaction completes: COMMIT. */
    COMMIT(true),
    /** The local transaction sets ROLLBACK. */
    ROLLBACK(false),
    /** The local transaction throws: ROLLBACK (the endpoint's exceptionStatus). */
    EXCEPTION(false),
    /** The local transaction answers UNKNOWN; the check finds it committed. */
    UNKNOWN_THEN_CHECK_COMMIT(true),
    /** The local transaction answers UNKNOWN; the check finds it rolled back. */
    UNKNOWN_THEN_CHECK_ROLLBACK(false),
    /** UNKNOWN; the first check throws (database down, say), a later one finds it committed. */
    CHECK_FAILS_ONCE_THEN_COMMIT(true);

    private final boolean commits;

    Outcome(boolean commits) {
        this.commits = commits;
    }

    /** Whether the business transaction committed, so the message must be delivered. */
    boolean commits() {
        return commits;
    }
}
