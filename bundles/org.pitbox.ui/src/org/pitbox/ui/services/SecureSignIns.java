package org.pitbox.ui.services;

import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.pitbox.app.team.SignInStore;

/** The team session's remembered sign-in, in {@link SecureCredentials} (opened for each use). */
@Component(service = SignInStore.class)
public class SecureSignIns implements SignInStore {
    @Override
    public Optional<SignIn> load() throws IOException {
        return new SecureCredentials().load();
    }

    @Override
    public void save(SignIn signIn) throws IOException {
        new SecureCredentials().save(signIn);
    }

    @Override
    public void clear() throws IOException {
        new SecureCredentials().clear();
    }
}
