package org.pitbox.cli;

/** The command line was wrong; the message says how and what is right. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
