package org.pitbox.server.ai;

import java.util.List;

/** Checks every number of an answer against a fact sheet (see {@link FactSource}). */
@FunctionalInterface
public interface AnswerChecker {
    /**
     * @param numbers       how many numbers the answer has
     * @param verifiedShare the share of them found in the facts; 1 when there are none
     * @param unmatched     the numbers not found, as written in the answer
     */
    record Check(int numbers, double verifiedShare, List<String> unmatched) {
        public boolean passed() {
            return unmatched.isEmpty();
        }
    }

    Check check(String answer, String factsJson);
}
