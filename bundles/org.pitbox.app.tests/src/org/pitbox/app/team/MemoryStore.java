package org.pitbox.app.team;

import java.util.Optional;

/** A sign-in store in memory: what the workbench keeps in secure storage. */
public final class MemoryStore implements SignInStore {
    volatile SignIn stored;

    @Override
    public Optional<SignIn> load() {
        return Optional.ofNullable(stored);
    }

    @Override
    public void save(SignIn signIn) {
        stored = signIn;
    }

    @Override
    public void clear() {
        stored = null;
    }
}
