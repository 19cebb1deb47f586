package org.pitbox.server.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertFalse(hasher.verify("", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "each hash has its own salt");
    }

    @Test
    void aHashKeepsItsOwnParametersWhenTheDefaultsChange() {
        String old = new PasswordHasher(1024, 1, 1).hash("p4ssword-from-2024");
        assertTrue(old.contains("$m=1024,t=1,p=1$"), old);
        assertTrue(hasher.verify("p4ssword-from-2024", old));
    }

    @Test
    void aMalformedStoredHashNeverMatchesAndNeverThrows() {
        String good = new PasswordHasher(1024, 1, 1).hash("pw");
        String[] parts = good.split("\\$");
        String salt = parts[4];
        String sum = parts[5];
        for (String bad : new String[] {"", "plain", "$argon2id$", "$argon2i$v=19$m=1024,t=1,p=1$" + salt + "$" + sum,
                "$argon2id$v=16$m=1024,t=1,p=1$" + salt + "$" + sum,
                "$argon2id$v=19$m=x,t=1,p=1$" + salt + "$" + sum,
                "$argon2id$v=19$m1024$" + salt + "$" + sum,
                "$argon2id$v=19$m=1024,t=1,p=1,q=2$" + salt + "$" + sum,
                "$argon2id$v=19$m=1024,t=0,p=0$" + salt + "$" + sum,
                "$argon2id$v=19$m=1024,t=1,p=1$!!$" + sum,
                "$argon2id$v=19$m=1024,t=1,p=1$$" + sum,
                "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$",
                "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$" + sum + "$extra"}) {
            assertFalse(hasher.verify("pw", bad), bad);
        }
    }
}
