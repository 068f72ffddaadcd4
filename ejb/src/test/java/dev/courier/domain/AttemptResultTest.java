package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AttemptResultTest {

    @Test
    void onlyTwoHundredsSucceed() {
        assertTrue(AttemptResult.answered(200).isSuccess());
        assertTrue(AttemptResult.answered(204).isSuccess());
        assertFalse(AttemptResult.answered(302).isSuccess());
        assertFalse(AttemptResult.answered(404).isSuccess());
        assertFalse(AttemptResult.deadlineExceeded().isSuccess());
    }

    @Test
    void executionsAreAnswersBelowFiveHundred() {
        assertTrue(AttemptResult.answered(404).countsAsExecution());
        assertTrue(AttemptResult.answered(302).countsAsExecution());
        assertFalse(AttemptResult.answered(503).countsAsExecution());
        assertFalse(AttemptResult.deadlineExceeded().countsAsExecution());
        assertFalse(AttemptResult.unreachable("refused").countsAsExecution());
    }

    @Test
    void previousResponseIsTheStatusOr504AfterADeadline() {
        assertEquals(429, AttemptResult.answered(429).previousResponse());
        assertEquals(504, AttemptResult.deadlineExceeded().previousResponse());
        assertEquals(0, AttemptResult.unreachable("refused").previousResponse());
    }

    @Test
    void statusCodesFollowGooglesHttpMapping() {
        assertEquals(StatusCode.OK, AttemptResult.answered(201).statusCode());
        assertEquals(StatusCode.NOT_FOUND, AttemptResult.answered(404).statusCode());
        assertEquals(StatusCode.RESOURCE_EXHAUSTED, AttemptResult.answered(429).statusCode());
        assertEquals(StatusCode.FAILED_PRECONDITION, AttemptResult.answered(418).statusCode());
        assertEquals(StatusCode.UNAVAILABLE, AttemptResult.answered(503).statusCode());
        assertEquals(StatusCode.INTERNAL, AttemptResult.answered(500).statusCode());
        assertEquals(StatusCode.UNKNOWN, AttemptResult.answered(302).statusCode());
        assertEquals(
                StatusCode.DEADLINE_EXCEEDED, AttemptResult.deadlineExceeded().statusCode());
        assertEquals(
                StatusCode.UNAVAILABLE, AttemptResult.unreachable("refused").statusCode());
    }
}
