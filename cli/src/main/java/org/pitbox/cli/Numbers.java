package org.pitbox.cli;

/** Whole numbers given on a command line. */
final class Numbers {
    private Numbers() {
    }

    static int positiveInt(String text, String option) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException(option + " must be a positive whole number, got '" + text + "'");
    }
}
