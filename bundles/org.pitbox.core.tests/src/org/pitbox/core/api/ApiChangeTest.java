package org.pitbox.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which version each kind of change needs: the rules of {@link ApiChange}, on made-up signatures. */
class ApiChangeTest {
    private static final String TYPE = "p.Source interface extends null implements []";
    private static final String ID = "p.Source abstract java.lang.String id[]";
    private static final Set<String> BASE = Set.of(TYPE, ID);
    private static final Version V1 = Version.parse("1.0.0");

    private static Optional<String> change(Version now, String... current) {
        return ApiChange.check("p", BASE, V1, new TreeSet<>(Set.of(current)), now);
    }

    @Test
    void nothingChangedKeepsTheVersion() {
        assertEquals(Optional.empty(), change(V1, TYPE, ID));
        assertEquals(Optional.empty(), change(Version.parse("1.0.1"), TYPE, ID), "a fix inside is a micro");
        assertTrue(change(Version.parse("1.1.0"), TYPE, ID).orElseThrow().contains("keep the version"));
    }

    @Test
    void aDefaultMethodOrANewTypeIsMinor() {
        String name = "p.Source default java.lang.String name[]";
        String other = "p.Other interface extends null implements []";
        String otherMethod = "p.Other abstract void run[]";
        assertTrue(change(V1, TYPE, ID, name).orElseThrow().contains("raise the minor version"));
        assertTrue(change(V1, TYPE, ID, other, otherMethod).orElseThrow().contains("raise the minor version"));
        assertTrue(change(Version.parse("1.1.0"), TYPE, ID, name).orElseThrow().contains("refresh its baseline"));
        assertTrue(change(Version.parse("1.1.0"), TYPE, ID, other, otherMethod).orElseThrow().contains("refresh"));
    }

    @Test
    void anAbstractMethodOnAnExistingInterfaceIsMajor() {
        String open = "p.Source abstract void open[]";
        assertTrue(change(Version.parse("1.1.0"), TYPE, ID, open).orElseThrow().contains("raise the major version"));
        assertTrue(change(Version.parse("2.0.0"), TYPE, ID, open).orElseThrow().contains("refresh its baseline"));
    }

    @Test
    void aRemovedOrChangedSignatureIsMajor() {
        String changed = "p.Source abstract java.lang.CharSequence id[]";
        assertTrue(change(Version.parse("1.1.0"), TYPE).orElseThrow().contains("raise the major version"));
        assertTrue(change(Version.parse("1.1.0"), TYPE, changed).orElseThrow().contains("raise the major version"));
        assertTrue(change(Version.parse("2.0.0"), TYPE, changed).orElseThrow().contains("refresh its baseline"));
    }
}
