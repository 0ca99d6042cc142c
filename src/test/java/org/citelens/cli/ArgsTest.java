package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void repeatedAndMultiValuedFlags() {
        Args a = new Args(List.of("--seed", "a", "--seed", "b", "--allow", "x", "y", "--max-pages=5", "--json"));
        assertEquals(List.of("a", "b"), a.all("seed"));
        assertEquals(List.of("x", "y"), a.all("allow"));
        assertEquals(5, a.getInt("max-pages", 0));
        assertEquals(true, a.has("json"));
        assertEquals(null, a.get("json"));
    }

    @Test
    void badNumbersAndUnknownFlagsAreUsageErrors() {
        Args a = new Args(List.of("--limit", "ten", "--bogus", "1"));
        assertThrows(UsageException.class, () -> a.getInt("limit", 1));
        assertThrows(UsageException.class, () -> a.allowOnly(Set.of("limit")));
    }
}
